using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// A C static the optimiser shrank to a bool (<c>static int flag</c>, only ever 0 or 1) keeps the debug
/// info of an int; as a BTF VAR it is 4 bytes in a 1-byte DATASEC entry, which the kernel refuses even in
/// clang's own object. The link leaves such a static without a VAR, so the rest of the BTF loads.
/// </summary>
[TestClass]
public sealed class CShrunkGlobalTests
{
    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("shrunk-global");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    /// <summary>What the fixture is for: in clang's object the bool-sized flag is an int VAR, and the kernel says so.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void ClangsObject_HasTheIntVarTheKernelRefuses()
    {
        BtfDump clang = Bpftool.DumpBtf(Fixture.ClangObject);
        Assert.AreEqual(4L, clang.Require(clang.Single("VAR", "flag").TypeId ?? 0).Size, "size of the type of clang's VAR 'flag'");
        Assert.AreEqual(new ElfObjectSymbol(".bss", 0, 1, IsGlobal: false), ElfObjectHeader.Symbol(Fixture.ClangObject, "flag"), "clang's symbol flag");

        RequiredTool.BpfPrivileges();
        using LoadedObject loaded = LoadedObject.Load(Fixture.ClangObject, pinMaps: false);
        Assert.IsTrue(loaded.Result.BtfRejectionLines.Count > 0 && loaded.Result.Log.Contains("size=1 Invalid size", StringComparison.Ordinal), loaded.Result.Describe());
    }

    /// <summary>The linked object keeps the 1-byte flag in .bss but describes no VAR for it; the link reports nothing.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void ShrunkStatic_HasNoVar()
    {
        Fixture.AssertLinkedCleanly();

        Assert.AreEqual(new ElfObjectSymbol(".bss", 0, 1, IsGlobal: false), ElfObjectHeader.Symbol(Fixture.LinkedObject, "flag"), "linked symbol flag");
        BtfDump linked = Bpftool.DumpBtf(Fixture.LinkedObject);
        Assert.IsEmpty(linked.Named("VAR", "flag"), linked.Describe());
        Assert.Contains("1 split or shrunk statics left without BTF", Fixture.Link.Output);
    }

    /// <summary>The kernel takes the linked object's BTF; with a context, arm sets the flag: XDP_PASS.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void LinkedObject_LoadsWithItsBtfAndRuns()
    {
        Fixture.AssertLinkedCleanly();

        using LoadedObject loaded = CFixtureLink.LoadWithBtf(Fixture.LinkedObject, "xdp_shrunk");
        Assert.AreEqual(2L, loaded.Run("xdp_shrunk", BpfObjectAssertions.TestPacket()), loaded.Result.Describe());
    }
}
