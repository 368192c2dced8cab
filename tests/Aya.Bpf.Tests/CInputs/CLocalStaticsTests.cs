using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// C statics inside functions keep the names clang gives them (<c>bump.license</c>): one named
/// <c>license</c> once became a symbol of that name, which clashed with the license section (BPF2007).
/// </summary>
[TestClass]
public sealed class CLocalStaticsTests
{
    private static readonly string[] Statics = ["bump.license", "bump.counter", "xdp_statics.seen"];

    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("local-statics");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    /// <summary>Each static is the symbol clang's own object has: same name, section, offset, size and (local) binding.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void LocalStatics_KeepClangsSymbols()
    {
        Fixture.AssertLinkedCleanly();

        foreach (string name in Statics)
        {
            ElfObjectSymbol? clang = ElfObjectHeader.Symbol(Fixture.ClangObject, name);
            Assert.IsNotNull(clang, $"clang's object has no symbol {name}");
            Assert.AreEqual(clang, ElfObjectHeader.Symbol(Fixture.LinkedObject, name), $"symbol {name}");
        }
        Assert.IsNull(ElfObjectHeader.Symbol(Fixture.LinkedObject, "counter"), "a static took its bare source name");
    }

    /// <summary>The BTF VARs are named as in clang's object, so a loader finds the same variables.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void LocalStatics_AreTheVarsClangDescribes()
    {
        Fixture.AssertLinkedCleanly();

        string[] VarNames(string path) => [.. Bpftool.DumpBtf(path).Types.Where(t => t.Kind == "VAR").Select(t => t.Name ?? "").Order(StringComparer.Ordinal)];
        string[] expected = ["_license", .. Statics.Order(StringComparer.Ordinal)];
        CollectionAssert.AreEqual(expected, VarNames(Fixture.ClangObject), "clang's VARs");
        CollectionAssert.AreEqual(expected, VarNames(Fixture.LinkedObject), "the linked object's VARs");
    }

    /// <summary>The linked object loads with its BTF; one run counts seen = 1, license = 1, counter = 4: XDP_PASS.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void LinkedObject_LoadsAndRuns()
    {
        Fixture.AssertLinkedCleanly();

        using LoadedObject loaded = CFixtureLink.LoadWithBtf(Fixture.LinkedObject, "xdp_statics");
        Assert.AreEqual(2L, loaded.Run("xdp_statics", BpfObjectAssertions.TestPacket()), loaded.Result.Describe());
    }
}
