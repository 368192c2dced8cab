namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A <c>#![no_std]</c> program over the real core (slices and bounds checks, Option/Result
/// combinators, iterators, traits and generics, core::mem, a BPF-to-BPF call, a panic handler, a
/// slice comparison, maps through minimaps) built for the host on the stable toolchain without
/// rust-src and retargeted to BPF: it must load with BTF and answer packets as the source says.
/// </summary>
[TestClass]
public sealed class CoreXdpTests : XdpFixtureTests
{
    private const int XdpDrop = 1;
    private const int XdpPass = 2;
    private const int Tcp = TestPackets.Tcp;
    private const int Ttl = TestPackets.Ttl;

    private static readonly FixtureBuild Fixture = new("core-xdp/core-xdp.bpfproj");

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "core-xdp/bin/Release/core-xdp.bpf.o";

    protected override string ProgramName => "core_xdp";

    // The zero-filled test packet is not IPv4: it passes uncounted.
    protected override long ExpectedVerdict => XdpPass;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_SaysRustWasBuiltForTheHostAndLeftCompilerBuiltinsOut()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        StringAssert.Contains(build.Output, "Rust is compiled for the host (", build.Describe());
        StringAssert.Contains(build.Output, "(BpfRustBuild=host)", build.Describe());
        StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"Host build: libcompiler_builtins-\w+\.rlib left out"), build.Describe());
    }

    /// <summary>Nothing of the host's unwinding survives: no .eh_frame, no program section but xdp.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Object_HasNoHostUnwindTablesAndOnlyItsProgramSection()
    {
        RequireBuildTools();
        BuildResult build = Build.Succeeded();

        IReadOnlyList<string> sections = ElfObjectHeader.SectionNames(Build.Workspace.PathOf(ObjectFile));

        string context = $"sections: [{string.Join(", ", sections)}]. {build.Describe()}";
        Assert.DoesNotContain(".eh_frame", sections, context);
        Assert.Contains("xdp", sections, context);
        Assert.IsFalse(sections.Any(section => section.StartsWith(".text.", StringComparison.Ordinal)), $"a .text.* section is a program section to libbpf. {context}");
    }

    /// <summary>core's slice comparison calls bcmp or memcmp; the link defines it for BPF, as a static BTF FUNC.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_HasTheHelperCallAndABpfDefinedMemoryBuiltin()
    {
        RequireBuildTools();
        RequiredTool.BpftoolPath();
        BuildResult build = Build.Succeeded();
        BtfDump btf = Bpftool.DumpBtf(Build.Workspace.PathOf(ObjectFile));

        string[] functions = btf.FunctionsWithLinkage();

        CollectionAssert.Contains(functions, "core_xdp:global", btf.Describe());
        CollectionAssert.Contains(functions, "checksum:static", btf.Describe());
        Assert.IsTrue(functions.Any(f => f is "bcmp:static" or "memcmp:static"), $"no BPF memcmp/bcmp among [{string.Join(", ", functions)}]");
        StringAssert.Contains(build.Output, "Memory builtins: ", build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Ipv4PacketWithGoodChecksum_PassesAndIsCountedFieldByField()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);
        byte[] packet = TestPackets.Ipv4Tcp(goodChecksum: true);

        Assert.AreEqual(XdpPass, loaded.Run(ProgramName, packet), loaded.Result.Describe());

        loaded.AssertFormattedFields("PROTOCOLS", Tcp, ("packets", 1), ("bytes", packet.Length - 14), ("broadcasts", 1), ("last_ttl", Ttl));
        Assert.AreEqual(1L, loaded.FormattedValue("VERDICTS", XdpPass).GetInt64(), "VERDICTS[XDP_PASS]");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Ipv4PacketWithBadChecksum_IsDropped()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);

        Assert.AreEqual(XdpDrop, loaded.Run(ProgramName, TestPackets.Ipv4Tcp(goodChecksum: false)), loaded.Result.Describe());

        Assert.AreEqual(1L, loaded.FormattedValue("VERDICTS", XdpDrop).GetInt64(), "VERDICTS[XDP_DROP]");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Maps_AreCreatedWithTheirTypesSizesAndBtf()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);

        ExpectedMap.AssertCreated(loaded,
        [
            new("PROTOCOLS", "hash", KeySize: 4, ValueSize: 32, MaxEntries: 32),
            new("VERDICTS", "array", KeySize: 4, ValueSize: 8, MaxEntries: 4),
            // The broadcast address is_broadcast compares with, a constant in .rodata.
            new("core_xdp.rodata", "array", KeySize: 4, ValueSize: 6, MaxEntries: 1),
        ]);
    }

    /// <summary>
    /// With a profile's debug assertions and overflow checks on, core's checks stay in the program and
    /// can panic, which the verifier refuses: the link warns at the program's source lines and says
    /// which setting added them, and still writes the object; an up-to-date build shows them again.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void ChecksThatCanPanic_AreWarnedAtTheProgramsLines()
    {
        RequireBuildTools();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        Dictionary<string, string> environment = new() { ["CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS"] = "true", ["CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS"] = "true" };
        BuildResult build = workspace.Build("core-xdp/core-xdp.bpfproj", environment);

        Assert.IsTrue(build.Succeeded, build.Describe());
        IReadOnlyList<string> warnings = BuildErrors.WarningLines(build, "BPF2017");
        Assert.IsNotEmpty(warnings, build.Describe());
        Assert.IsTrue(warnings.All(w => w.Contains("core-xdp/src/main.rs(", StringComparison.Ordinal)), $"every warning is at the program's source: {string.Join(Environment.NewLine, warnings)}");
        Assert.IsTrue(warnings.Any(w => w.Contains("panic_const_add_overflow", StringComparison.Ordinal) && w.Contains("overflow-checks = false", StringComparison.Ordinal)), string.Join(Environment.NewLine, warnings));
        Assert.IsTrue(File.Exists(workspace.PathOf(ObjectFile)), build.Describe());

        // Nothing changed: the link is up to date, and its warnings are shown again, once each.
        BuildResult again = workspace.Build("core-xdp/core-xdp.bpfproj", environment);
        Assert.IsTrue(LinkMarkers.LinkSkipped(again), again.Describe());
        CollectionAssert.AreEquivalent(warnings.ToList(), BuildErrors.WarningLines(again, "BPF2017").ToList(), again.Describe());
    }
}
