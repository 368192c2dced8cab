namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// An eBPF crate as aya's template lays it out (tests/fixtures/aya-app), built with a plain
/// `dotnet build` on a stable toolchain without rust-src: a workspace member with several bins
/// (in src/*.rs and src/bin/), its own .cargo/config.toml asking for build-std, a build script that
/// looks for bpf-linker, and the aya-shaped library (program and map attributes, a log macro over
/// black_box, cfg(target_arch = "bpf") branches with BPF assembly, a map attribute and a C-types
/// crate with a module per architecture). Every bin becomes an object that loads and computes.
/// </summary>
[TestClass]
public sealed partial class AyaAppTests
{
    private const string Project = "aya-app/aya-app-ebpf/aya-app-ebpf.bpfproj";
    private const string Output = "aya-app/aya-app-ebpf/bin/Debug";
    private const int XdpPass = 2;
    private const int XdpDrop = 1;
    private const int TcActOk = 0;
    private const int EtherTypeIpv4 = 0x0800;
    // The program's per-CPU scratch record (Scratch in src/main.rs) and where it keeps the protocol.
    private const int ScratchBytes = 4096;
    private const int ScratchProtocolAt = 4000;

    private static readonly FixtureBuild Fixture = FixtureBuild.Plain(Project);

    private static readonly (string Bin, string Object, string Program, string Type)[] Bins =
    [
        ("aya-app", "aya-app.bpf.o", "aya_app", "xdp"),
        ("tc-count", "tc-count.bpf.o", "tc_count", "sched_cls"),
        ("trace-getpid", "trace-getpid.bpf.o", "trace_getpid", "tracepoint"),
    ];

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void PlainBuild_WritesAnObjectPerBin_WithoutAWarning()
    {
        RequiredTool.CargoPath();

        BuildResult build = Fixture.Succeeded();

        foreach (var (bin, objectName, _, _) in Bins)
        {
            BpfObjectAssertions.IsBpfElfObject(Fixture.Workspace.PathOf($"{Output}/{objectName}"), build);
            StringAssert.Contains(build.Output, $"aya-app-ebpf -> {Fixture.Workspace.PathOf($"{Output}/{objectName}")}", $"{bin}. {build.Describe()}");
        }
        Assert.DoesNotContain(": warning ", build.Output, $"the build warned. {build.Describe()}");
    }

    /// <summary>The mode comes from what cargo says of the crate's targets (bins outside src/main.rs included), with the reason.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_SaysTheModeAndWhy_AndWhatTheHostBuildSetsAside()
    {
        RequiredTool.CargoPath();

        BuildResult build = Fixture.Succeeded();

        StringAssert.Contains(build.Output,
            "Rust is compiled for the host (x86_64-unknown-linux-gnu) and its bitcode retargeted to BPF (BpfRustBuild=auto: src/lib.rs, src/main.rs, src/tc-count.rs, src/bin/trace-getpid.rs use core",
            build.Describe());
        StringAssert.Contains(build.Output,
            $"The host build sets aside the [unstable] cargo settings of {Fixture.Workspace.PathOf("aya-app/aya-app-ebpf/.cargo/config.toml")} (unstable.build-std = [\"core\"])",
            build.Describe());
        StringAssert.Contains(build.Output, "crate `aya_ebpf_cty` defines items once per target architecture (E0428", build.Describe());
    }

    /// <summary>The template's build script panics without bpf-linker on PATH; it finds the SDK's, which is a shim of the capture.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void BuildScriptLookingForBpfLinker_FindsTheSdks()
    {
        RequiredTool.CargoPath();
        Fixture.Succeeded();

        string[] outputs = Directory.GetFiles(Fixture.Workspace.PathOf("aya-app/aya-app-ebpf/obj/Debug/cargo"), "output", SearchOption.AllDirectories)
            .Where(path => path.Contains("aya-app-ebpf-", StringComparison.Ordinal)).ToArray();

        Assert.IsNotEmpty(outputs, "the build script ran");
        string expected = $"cargo:rerun-if-changed={Fixture.Workspace.PathOf("aya-app/aya-app-ebpf/obj/Debug/link/bin/bpf-linker")}";
        Assert.IsTrue(outputs.Any(path => File.ReadAllLines(path).Contains(expected)), $"no build script output has '{expected}'");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void EveryObject_LoadsWithItsBtf()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();

        foreach (var (_, objectName, program, type) in Bins)
            BpfObjectAssertions.LoadedCleanly(Bpftool.LoadAll(Fixture.Workspace.PathOf($"{Output}/{objectName}")), program, type);
    }

    /// <summary>
    /// The XDP program logs through aya-log's ring buffer (a map only in the cfg(target_arch = "bpf")
    /// branch), counts per source address what aya-ebpf's bounds check lets through, and drops
    /// blocked sources; its verdicts and counts are what the source says.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void XdpProgram_CountsPerSourceAndDropsBlockedSources()
    {
        using LoadedObject loaded = Load("aya-app.bpf.o", "aya_app", "xdp");
        byte[] packet = TestPackets.Ipv4Tcp(goodChecksum: true);

        Assert.AreEqual(XdpPass, loaded.Run("aya_app", packet), loaded.Result.Describe());
        // A length aya-ebpf's bounds check (BPF assembly) refuses: passed, and not counted.
        Assert.AreEqual(XdpPass, loaded.Run("aya_app", TestPackets.Ipv4Tcp(goodChecksum: true, totalLength: 9000)), loaded.Result.Describe());
        loaded.Update("BLOCKLIST", BitConverter.GetBytes(TestPackets.Ipv4Source), BitConverter.GetBytes(1u));
        Assert.AreEqual(XdpDrop, loaded.Run("aya_app", packet), loaded.Result.Describe());

        loaded.AssertFormattedFields("PACKETS", TestPackets.Ipv4Source,
            ("packets", 2), ("bytes", 2 * TestPackets.Ipv4TotalLength), ("last_action", XdpDrop), ("last_protocol", TestPackets.Tcp));
        Assert.AreEqual("ringbuf", loaded.Map("AYA_LOGS").Type, "aya-log's buffer is the BPF branch's ring buffer map");
    }

    /// <summary>
    /// The XDP program zeroes a 4 KiB per-CPU record (write_bytes, a memset too long for the backend to
    /// expand), stores the packet's protocol in it and copies it to a second record (copy_nonoverlapping,
    /// a memcpy as long): both records hold exactly that on the CPU that ran it.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void XdpProgram_ZeroesAndCopiesARecordTooLongToExpand()
    {
        using LoadedObject loaded = Load("aya-app.bpf.o", "aya_app", "xdp");
        byte[] nonZero = [.. Enumerable.Repeat((byte)0xAA, ScratchBytes)];
        foreach (var record in new[] { 0, 1 })
            loaded.Update("SCRATCH", BitConverter.GetBytes(record), nonZero);

        Assert.AreEqual(XdpPass, loaded.Run("aya_app", TestPackets.Ipv4Tcp(goodChecksum: true)), loaded.Result.Describe());

        foreach (var record in new[] { 0, 1 })
        {
            var written = loaded.FormattedPerCpuValues("SCRATCH", record)
                .Select(value => value.GetProperty("bytes").EnumerateArray().Select(b => b.GetInt32()).ToArray())
                .Where(bytes => bytes[ScratchProtocolAt] == TestPackets.Tcp)
                .ToList();
            Assert.HasCount(1, written, $"SCRATCH[{record}]: one CPU ran the program and left the protocol at {ScratchProtocolAt}");
            Assert.AreEqual(ScratchBytes - 1, written[0].Count(b => b == 0), $"SCRATCH[{record}]: all but the protocol zeroed");
        }
    }

    /// <summary>
    /// The classifier turns the wire's EtherType into a number with inline BPF assembly (be16), and
    /// counts frames in a map written the BTF way beside its legacy one: both in one .maps section.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void TcProgram_CountsEtherTypesThroughItsBpfAssembly_InALegacyAndABtfMap()
    {
        using LoadedObject loaded = Load("tc-count.bpf.o", "tc_count", "sched_cls");

        Assert.AreEqual(TcActOk, loaded.Run("tc_count", TestPackets.Ipv4Tcp(goodChecksum: true)), loaded.Result.Describe());
        Assert.AreEqual(TcActOk, loaded.Run("tc_count", TestPackets.Ipv4Tcp(goodChecksum: false)), loaded.Result.Describe());

        Assert.AreEqual(2L, loaded.FormattedValue("ETHER_TYPES", EtherTypeIpv4).GetInt64(), "ETHER_TYPES[0x0800]");
        Assert.AreEqual(2L, loaded.FormattedValue("FRAMES", 0).GetInt64(), "FRAMES[0], the BTF-way map");
        new ExpectedMap("ETHER_TYPES", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 16).AssertCreated(loaded);
        new ExpectedMap("FRAMES", "array", KeySize: 4, ValueSize: 8, MaxEntries: 1).AssertCreated(loaded);
        Assert.HasCount(1, ElfObjectHeader.SectionNames(Fixture.Workspace.PathOf($"{Output}/tc-count.bpf.o")).Where(name => name == ".maps").ToArray(), "one .maps section");
    }

    private static LoadedObject Load(string objectName, string program, string type)
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
        LoadedObject loaded = LoadedObject.Load(Fixture.Workspace.PathOf($"{Output}/{objectName}"), pinMaps: true);
        try
        {
            BpfObjectAssertions.LoadedCleanly(loaded.Result, program, type);
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }
}
