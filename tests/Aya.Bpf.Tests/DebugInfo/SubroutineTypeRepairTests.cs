using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class SubroutineTypeRepairTests
{
    // What optimisation leaves after changing an internal function's signature: DW_CC_nocall and no
    // types at all. The entry point calls it so that code generation keeps it.
    private const string EmptiedSignature = $$"""
        target triple = "bpfel"

        define i32 @prog(ptr %ctx) section "xdp" !dbg !10 {
          %v = load i32, ptr %ctx, !dbg !20
          call void @helper(ptr %ctx, i32 %v), !dbg !20
          ret i32 2, !dbg !20
        }

        define internal void @helper(ptr %p, i32 %x) noinline !dbg !13 {
          store volatile i32 %x, ptr %p, !dbg !21
          ret void, !dbg !21
        }

        {{DebugIr.CompileUnit}}
        !10 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !11, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
        !11 = !DISubroutineType(types: !{!3})
        !13 = distinct !DISubprogram(name: "helper", scope: !1, file: !1, line: 5, type: !14, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
        !14 = !DISubroutineType(cc: DW_CC_nocall, types: !{})
        !20 = !DILocation(line: 2, scope: !10)
        !21 = !DILocation(line: 6, scope: !13)
        """;

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void AnEmptiedSubroutineTypeIsRebuiltFromTheSignature()
    {
        var run = RepairRun.Of(EmptiedSignature);

        var meta = run.After;
        var types = meta.Tuple(meta.Follow(meta.Follow(meta.Find("!DISubprogram(", "helper"), "type"), "types"));
        Assert.HasCount(3, types, meta.Text);
        Assert.AreEqual("null", types[0], "void return");
        StringAssert.Contains(meta.Node(types[1]), "DW_TAG_pointer_type");
        Assert.AreEqual("u32", meta.Field(types[2], "name"));
        Assert.AreEqual(1, run.Result.SubroutineTypesRebuilt);
    }

    [TestMethod]
    public void TheRebuiltPrototypeIsBtfTheKernelAccepts()
    {
        Assert.IsNotEmpty(BpfObject.Validate(BpfObject.Compile(EmptiedSignature, repair: false)), "without the repair the FUNC points at no type");

        var violations = BpfObject.Validate(BpfObject.Compile(EmptiedSignature, repair: true));

        Assert.IsEmpty(violations, string.Join("\n", violations));
    }

    [TestMethod]
    public void ASubroutineTypeWithItsTypesIsLeftAlone()
    {
        var run = RepairRun.Of(DebugIr.Module(DebugIr.U32));

        Assert.AreEqual(0, run.Result.SubroutineTypesRebuilt);
        run.AssertUnchanged();
    }
}
