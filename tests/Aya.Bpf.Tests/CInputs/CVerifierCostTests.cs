using System.Text.RegularExpressions;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// Linking a C program never costs the verifier more than clang's own object of it. The fixture's global
/// helper is verified once as a GLOBAL FUNC in clang's object; made static, as the link once made every
/// helper, it was verified at each of its four calls (10476 instructions against clang's 2967).
/// </summary>
[TestClass]
public sealed partial class CVerifierCostTests
{
    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("verifier-cost");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    /// <summary>The helper clang made global stays a global symbol and a GLOBAL FUNC, with the prototype clang gave it.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void GlobalCHelper_StaysGlobal()
    {
        Fixture.AssertLinkedCleanly();

        BtfDump clang = Bpftool.DumpBtf(Fixture.ClangObject), linked = Bpftool.DumpBtf(Fixture.LinkedObject);
        Assert.AreEqual("global", clang.Single("FUNC", "score").Linkage, "clang's FUNC score");
        Assert.AreEqual("global", linked.Single("FUNC", "score").Linkage, "the linked FUNC score");
        Assert.AreEqual(clang.Signature(clang.Single("FUNC", "score")), linked.Signature(linked.Single("FUNC", "score")));
        Assert.IsTrue(ElfObjectHeader.Symbol(Fixture.LinkedObject, "score") is { Section: ".text", IsGlobal: true }, "symbol score");
        Assert.Contains("C global functions kept GLOBAL, as clang made them (the link is C alone): score", Fixture.Link.Output);
    }

    /// <summary>
    /// The verifier's "processed N insns" for the linked object is at most clang's, and both objects
    /// give the same verdict (a zero packet: four scores of 225..228, XDP_PASS).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void ProcessedInstructions_NeverExceedClangs()
    {
        Fixture.AssertLinkedCleanly();

        (int clang, long clangVerdict) = Verify(Fixture.ClangObject);
        (int linked, long linkedVerdict) = Verify(Fixture.LinkedObject);
        Assert.IsTrue(clang > 0, "clang's object reported no processed instructions");
        Assert.IsLessThanOrEqualTo(clang, linked, $"processed insns: linked {linked}, clang {clang}");
        Assert.AreEqual((2L, 2L), (clangVerdict, linkedVerdict), "verdicts of clang's and the linked object");
    }

    private static (int Processed, long Verdict) Verify(string objectPath)
    {
        using LoadedObject loaded = CFixtureLink.LoadWithBtf(objectPath, "xdp_score");
        MatchCollection processed = ProcessedLine().Matches(loaded.Result.Log);
        Assert.IsNotEmpty(processed, $"{objectPath}: no verifier summary. {loaded.Result.Describe()}");
        return (processed.Sum(m => int.Parse(m.Groups["count"].Value)), loaded.Run("xdp_score", BpfObjectAssertions.TestPacket()));
    }

    [GeneratedRegex(@"^processed (?<count>\d+) insns", RegexOptions.Multiline)]
    private static partial Regex ProcessedLine();
}
