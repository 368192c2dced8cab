using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class StaticVariableRepairTests
{
    private const string Mangled = "_RNvCs123_4test7COUNTER";

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void AnInternalStaticTakesItsRustName()
    {
        var run = RepairRun.Of(Static("internal global i32 0", "!DIExpression()", U32));

        Assert.Contains("\n@COUNTER = internal global i32 0, !dbg ", run.After.Text);
        Assert.DoesNotContain($"@{Mangled}", run.After.Text);
        Assert.AreEqual(1, run.Result.StaticsRenamed);
    }

    [TestMethod]
    public void AnExternalStaticKeepsItsSymbolName()
    {
        var run = RepairRun.Of(Static("global i32 0", "!DIExpression()", U32));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.StaticsRenamed);
    }

    [TestMethod]
    public void APieceOfASplitStaticLosesItsDebugInfo()
    {
        var run = RepairRun.Of(Static("internal global i32 0", "!DIExpression(DW_OP_LLVM_fragment, 0, 32)", "!22"));

        Assert.Contains($"\n@{Mangled} = internal global i32 0\n", run.After.Text);
        Assert.AreEqual(1, run.Result.StaticPiecesUndescribed);
        Assert.AreEqual(0, run.Result.StaticsRenamed);
    }

    /// <summary>A static <c>COUNTER</c> (a u64 is <c>!22</c>) whose symbol is <see cref="Mangled"/>.</summary>
    private static string Static(string definition, string expression, string type) => Module(
        globals: $"@{Mangled} = {definition}, !dbg !20",
        nodes: $"""
            !20 = !DIGlobalVariableExpression(var: !21, expr: {expression})
            !21 = distinct !DIGlobalVariable(name: "COUNTER", linkageName: "{Mangled}", scope: !1, file: !1, line: 3, type: {type}, isLocal: true, isDefinition: true)
            !22 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
            """);
}
