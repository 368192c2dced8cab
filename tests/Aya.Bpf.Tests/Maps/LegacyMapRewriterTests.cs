using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class LegacyMapRewriterTests
{
    // A HashMap<u32, Counter>-like static as rustc writes it: bytes in section "maps", debug info of a
    // generic wrapper with template parameters K and V, used by the program.
    private const string Module = """
        target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
        target triple = "bpfel"

        @COUNTERS = constant [28 x i8] c"\01\00\00\00\04\00\00\00\10\00\00\00\40\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00", section "maps", align 4, !dbg !20

        declare ptr @lookup(ptr, ptr)

        define ptr @prog(ptr %key) section "xdp" {
          %v = call ptr @lookup(ptr @COUNTERS, ptr %key)
          ret ptr %v
        }

        !llvm.dbg.cu = !{!0}
        !llvm.module.flags = !{!2}

        !0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, globals: !{!20})
        !1 = !DIFile(filename: "main.rs", directory: "/src")
        !2 = !{i32 2, !"Debug Info Version", i32 3}
        !3 = !DIBasicType(name: "u32", size: 32, encoding: DW_ATE_unsigned)
        !4 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
        !5 = !DICompositeType(tag: DW_TAG_structure_type, name: "Counter", scope: !1, file: !1, size: 128, align: 64, elements: !{!6, !7}, identifier: "Counter")
        !6 = !DIDerivedType(tag: DW_TAG_member, name: "packets", scope: !5, file: !1, baseType: !4, size: 64, align: 64)
        !7 = !DIDerivedType(tag: DW_TAG_member, name: "bytes", scope: !5, file: !1, baseType: !4, size: 64, align: 64, offset: 64)
        !8 = !DICompositeType(tag: DW_TAG_structure_type, name: "HashMap<u32, Counter>", scope: !1, file: !1, size: 224, align: 32, elements: !{}, templateParams: !{!9, !10}, identifier: "HashMap")
        !9 = !DITemplateTypeParameter(name: "K", type: !3)
        !10 = !DITemplateTypeParameter(name: "V", type: !5)
        !20 = !DIGlobalVariableExpression(var: !21, expr: !DIExpression())
        !21 = distinct !DIGlobalVariable(name: "COUNTERS", scope: !1, file: !1, line: 36, type: !8, isLocal: false, isDefinition: true, align: 32)
        """;

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void LegacyStaticBecomesATypedMapInDotMapsUsedByTheProgram()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, Module);
        var log = new DiagnosticLog(TextWriter.Null);

        var converted = LegacyMapRewriter.Apply(context, module, bigEndian: false, log);

        Assert.IsEmpty(log.Reported);
        var map = Assert.ContainsSingle(converted);
        Assert.AreEqual("COUNTERS", map.Name);
        Assert.AreEqual(new LegacyMapDefinition(1, 4, 16, 64, 0, 0, 0), map.Definition);
        Assert.AreEqual(("/src/main.rs", 36), (map.File, map.Line));
        Assert.AreEqual("u32", map.Plan.Key?.Name);
        Assert.AreEqual("Counter", map.Plan.Value?.Name);
        Assert.IsNull(module.Verify());

        var text = module.PrintToText();
        StringAssert.Contains(text, "@COUNTERS = global { ptr, ptr, ptr, ptr } zeroinitializer, section \".maps\", align 8, !dbg");
        StringAssert.Contains(text, "call ptr @lookup(ptr @COUNTERS, ptr %key)");
        Assert.DoesNotContain("section \"maps\"", text);
        Assert.DoesNotContain("COUNTERS.legacy", text);
    }

    [TestMethod]
    public void TheObjectCarriesTheMapAsLibbpfReadsIt()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, Module);
        LegacyMapRewriter.Apply(context, module, bigEndian: false, new DiagnosticLog(TextWriter.Null));

        var (btf, _) = BpfObject.ReadBtf(BpfObject.Compile(module.PrintToText(), repair: true));

        Assert.IsEmpty(MapBtfValidator.Validate(btf));
        var datasec = btf.Types.OfType<Aya.Bpf.Linker.Btf.BtfDatasecType>().Single(d => d.Name == ".maps");
        Assert.AreEqual("COUNTERS", btf.TypeById(Assert.ContainsSingle(datasec.Entries).Type)?.Name);
    }

    [TestMethod]
    public void SizesThatContradictTheTypesAreAnErrorAtTheDeclaration()
    {
        // key_size 8 for K = u32.
        var ir = Module.Replace(@"c""\01\00\00\00\04\00", @"c""\01\00\00\00\08\00", StringComparison.Ordinal);
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, ir);
        var log = new DiagnosticLog(TextWriter.Null);

        var converted = LegacyMapRewriter.Apply(context, module, bigEndian: false, log);

        Assert.IsEmpty(converted);
        var error = Assert.ContainsSingle(log.Reported);
        Assert.AreEqual(DiagnosticCodes.MapTypesContradictSizes, error.Code);
        Assert.AreEqual(("/src/main.rs", 36), (error.File, error.Line));
        Assert.Contains("map 'COUNTERS': key_size is 8 but its key type u32 is 4 bytes", error.Message);
    }

    [TestMethod]
    public void AStaticThatIsNoMapDefinitionIsAnError()
    {
        var ir = Module.Replace("constant [28 x i8] c\"\\01\\00\\00\\00\\04\\00\\00\\00\\10\\00\\00\\00\\40\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\"",
            "constant [8 x i8] zeroinitializer", StringComparison.Ordinal);
        Assert.AreNotEqual(Module, ir);
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, ir);
        var log = new DiagnosticLog(TextWriter.Null);

        LegacyMapRewriter.Apply(context, module, bigEndian: false, log);

        var error = Assert.ContainsSingle(log.Reported);
        Assert.AreEqual(DiagnosticCodes.MapDefinitionUnreadable, error.Code);
        Assert.Contains("map 'COUNTERS'", error.Message);
    }
}
