using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class ParameterNameRepairTests
{
    private const string Parameters = $"{U32}, {U8}";
    private const string NamedFirst = $"!20 = !DILocalVariable(name: \"s\", arg: 1, scope: {Subprogram}, file: !1, line: 1, type: {U32})";

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void AnUnnamedParameterVariableIsNamedAfterItsPosition()
    {
        var run = RepairRun.Of(Module(Parameters, retainedNodes: "!{!20, !21}", nodes: $"""
            {NamedFirst}
            !21 = !DILocalVariable(arg: 2, scope: {Subprogram}, file: !1, line: 1, type: {U8})
            """));

        CollectionAssert.AreEqual(new[] { ("s", "1"), ("arg2", "2") }, RetainedParameters(run.After));
        Assert.AreEqual(1, run.Result.ParametersNamed);
    }

    [TestMethod]
    public void AParameterWithoutAVariableGetsANewNamedOne()
    {
        var run = RepairRun.Of(Module(Parameters, retainedNodes: "!{!20}", nodes: NamedFirst));

        CollectionAssert.AreEqual(new[] { ("s", "1"), ("arg2", "2") }, RetainedParameters(run.After));
        var added = run.After.Tuple(RetainedNodesOf(run.After))[1];
        Assert.AreEqual("u8", run.After.Field(run.After.Follow(added, "type"), "name"));
        Assert.AreEqual(1, run.Result.ParametersNamed);
    }

    [TestMethod]
    public void NamedParametersAreLeftAlone()
    {
        var run = RepairRun.Of(Module(Parameters));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.ParametersNamed);
    }

    private static string RetainedNodesOf(PrintedMetadata meta) =>
        meta.Follow(meta.Find("!DISubprogram(", "prog"), "retainedNodes");

    private static (string?, string?)[] RetainedParameters(PrintedMetadata meta) =>
        [.. meta.Tuple(RetainedNodesOf(meta)).Select(variable => (meta.Field(variable, "name"), meta.Field(variable, "arg")))];
}
