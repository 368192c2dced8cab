namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// The CI share of the fuzzing (docs/fuzzing.md): a fixed run seed, a few thousand inputs per reader.
/// Every seed must be accepted unchanged (else the run mostly fuzzes the first check), and the mutated
/// inputs must be refused often enough, and accepted sometimes, for the run to reach past the headers.
/// </summary>
[TestClass]
public sealed class ReaderFuzzTests
{
    // new PCG(11, 0x5eed_f022): any PCG seed string does.
    private const string RunSeed = "000001uXv0Vb";
    private const int Inputs = 3000;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("bitcode")]
    [DataRow("archive")]
    [DataRow("elf")]
    [DataRow("btf")]
    [DataRow("btf-ext")]
    [DataRow("map-definition")]
    [DataRow("legacy-map-definition")]
    public void EveryInputIsReadOrRefusedWithTheReadersCode(string name)
    {
        var target = FuzzTargets.Find(name)!;

        var report = FuzzRunner.Run(target, RunSeed, Inputs);

        TestContext.WriteLine(report.ToString());
        Assert.AreEqual(Inputs, report.Inputs);
        Assert.IsGreaterThan(Inputs / 20, report.Accepted, report.ToString());
        Assert.IsGreaterThan(Inputs / 4, report.Refused, report.ToString());
        Assert.IsTrue(report.Codes.Keys.All(target.Codes.Contains), report.ToString());
    }

    [TestMethod]
    public void EverySeedIsAcceptedUnchanged()
    {
        foreach (var target in FuzzTargets.All)
        {
            for (var i = 0; i < target.Seeds.Count; i++)
            {
                var (verdict, problem, _) = FuzzProperty.Check(target, target.Seeds[i]);
                Assert.IsNotNull(verdict, $"{target.Name} seed #{i}: {problem}");
                Assert.IsEmpty(verdict.ErrorCodes, $"{target.Name} seed #{i} was refused: {string.Join(", ", verdict.ErrorCodes)}");
            }
        }
    }

    [TestMethod]
    public void AnInputSeedReplaysTheSameInput()
    {
        var first = FuzzRunner.Replay(BtfFuzz.Target, RunSeed);
        var again = FuzzRunner.Replay(BtfFuzz.Target, RunSeed);

        CollectionAssert.AreEqual(first.Input, again.Input);
        Assert.AreEqual(first.Case.ToString(), again.Case.ToString());
    }
}
