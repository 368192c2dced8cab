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
        Assert.AreEqual(1, run.Result.StaticsUndescribed);
        Assert.AreEqual(0, run.Result.StaticsRenamed);
    }

    /// <summary>
    /// GlobalOpt shrinks a static only ever set to two values to a bool, whose debug info decodes the byte with
    /// an expression while keeping the 4-byte type: as a BTF VAR it would be bigger than its DATASEC entry.
    /// </summary>
    [TestMethod]
    public void AStaticShrunkToABoolLosesItsDebugInfo()
    {
        var run = RepairRun.Of(Static(
            "internal global i1 false",
            "!DIExpression(DW_OP_deref_size, 1, DW_OP_constu, 1, DW_OP_mul, DW_OP_constu, 0, DW_OP_plus, DW_OP_stack_value)",
            U32));

        Assert.Contains($"\n@{Mangled} = internal global i1 false\n", run.After.Text);
        Assert.AreEqual(1, run.Result.StaticsUndescribed);
    }

    /// <summary>
    /// A C static has no linkage name, and its symbol is the name clang gave it (<c>bump.license</c> for a
    /// <c>license</c> inside <c>bump</c>): it is left as it is, not given its bare source name.
    /// </summary>
    [TestMethod]
    public void ACStaticKeepsTheNameClangGaveIt()
    {
        var run = RepairRun.Of(Module(
            globals: "@bump.license = internal global i32 0, !dbg !20",
            nodes: """
                !20 = !DIGlobalVariableExpression(var: !21, expr: !DIExpression())
                !21 = distinct !DIGlobalVariable(name: "license", scope: !10, file: !1, line: 7, type: !3, isLocal: true, isDefinition: true)
                """));

        run.AssertUnchanged();
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
