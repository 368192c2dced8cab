using System.Globalization;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>Copies and fills the BPF backend leaves as calls get a BPF definition; the ones it expands stay as they are.</summary>
[TestClass]
public sealed class MemoryBuiltinsTests
{
    private static readonly Lazy<TargetMachine> s_machine = new(ToolchainLlvm.BpfMachine);

    // One machine for the class: target machines hold no state between emissions.
    private static TargetMachine Machine => s_machine.Value;

    [ClassCleanup]
    public static void Cleanup()
    {
        if (s_machine.IsValueCreated)
            s_machine.Value.Dispose();
    }

    // A fill or copy of memory known only through pointers (map values), the way a 4 KiB scratch
    // buffer is zeroed and copied.
    private static string Program(string intrinsic, ulong length, int alignment) => string.Create(CultureInfo.InvariantCulture, $$"""
        target triple = "bpfel"
        declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
        declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
        declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
        define void @fill(ptr %to, ptr %from) {
          {{Call(intrinsic, length, alignment)}}
          ret void
        }
        """);

    private static string Call(string intrinsic, ulong length, int alignment) => intrinsic == "memset"
        ? $"call void @llvm.memset.p0.i64(ptr align {alignment} %to, i8 0, i64 {length}, i1 false)"
        : $"call void @llvm.{intrinsic}.p0.p0.i64(ptr align 8 %to, ptr align {alignment} %from, i64 {length}, i1 false)";

    /// <summary>What is known of a pointer's alignment: the call site's promise, or a global's or stack slot's own.</summary>
    [TestMethod]
    public void AnArgumentsAlignmentIsThePromiseOrTheObjectsOwn()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            target triple = "bpfel"
            @BUFFER = global [4096 x i8] zeroinitializer, align 8
            declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
            define void @copy(ptr %to, ptr %from) {
              %slot = alloca [64 x i8], align 4
              call void @llvm.memcpy.p0.p0.i64(ptr align 1 @BUFFER, ptr align 2 %from, i64 64, i1 false)
              call void @llvm.memcpy.p0.p0.i64(ptr %slot, ptr %to, i64 64, i1 false)
              ret void
            }
            """);

        var calls = module.Functions.Single(f => f.Name == "copy").Instructions(context).Where(i => i.IsCall).ToList();

        Assert.AreEqual(8UL, calls[0].ArgumentAlignment(0), "the global's alignment");
        Assert.AreEqual(2UL, calls[0].ArgumentAlignment(1), "the call site's promise");
        Assert.AreEqual(4UL, calls[1].ArgumentAlignment(0), "the stack slot's alignment");
        Assert.AreEqual(1UL, calls[1].ArgumentAlignment(1), "nothing known");
        Assert.AreEqual(64UL, calls[1].ConstantArgument(2));
    }

    /// <summary>
    /// Far past the backend's limit (every LLVM's) the intrinsic becomes a call of the BPF definition
    /// and the object compiles; within it (every LLVM's) it stays inline. A memmove the backend would
    /// expand into more loads than the stack holds (128 bytes of byte loads, all before the stores)
    /// calls the definition too.
    /// </summary>
    [TestMethod]
    [DataRow("memset", 4096UL, 8, true)]
    [DataRow("memset", 4096UL, 1, true)]
    [DataRow("memset", 128UL, 1, false)]
    [DataRow("memset", 1024UL, 8, false)]
    [DataRow("memcpy", 4096UL, 1, true)]
    [DataRow("memcpy", 1024UL, 8, false)]
    [DataRow("memmove", 4096UL, 8, true)]
    [DataRow("memmove", 64UL, 8, false)]
    [DataRow("memmove", 128UL, 1, true)]
    public void CallsTheBackendLeavesGetADefinitionAndTheRestStayInline(string intrinsic, ulong length, int alignment, bool defined)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, Program(intrinsic, length, alignment));
        module.SetTarget(Machine);
        var log = new DiagnosticLog(TextWriter.Null);

        Assert.IsTrue(MemoryBuiltins.Provide(context, module, Machine, log), string.Join("\n", log.Reported));

        Assert.AreEqual(defined, module.Functions.Any(f => f.Name == intrinsic && !f.IsDeclaration), module.PrintToText());
        Assert.AreEqual(!defined, module.Functions.Any(f => f.Name.StartsWith($"llvm.{intrinsic}.", StringComparison.Ordinal) && f.IsUsed), module.PrintToText());
        Assert.IsNotNull(ObjectEmitter.Emit(context, Machine, module, log), string.Join("\n", log.Reported));
    }

    /// <summary>
    /// Around the backend's own limit (where this LLVM stops expanding), every length compiles: what
    /// the backend expands stays inline, the rest calls the definition, and both happen.
    /// </summary>
    [TestMethod]
    [DataRow("memset", 1)]
    [DataRow("memcpy", 1)]
    [DataRow("memcpy", 8)]
    public void EveryLengthAroundTheBackendsLimitCompiles(string intrinsic, int alignment)
    {
        var defined = new List<bool>();
        for (var length = 1016UL; length <= 1032; length++)
        {
            using var context = new LlvmContext();
            using var module = RepairRun.Parse(context, Program(intrinsic, length, alignment));
            module.SetTarget(Machine);
            var log = new DiagnosticLog(TextWriter.Null);

            Assert.IsTrue(MemoryBuiltins.Provide(context, module, Machine, log), string.Join("\n", log.Reported));

            Assert.IsNotNull(ObjectEmitter.Emit(context, Machine, module, log), $"{length} bytes: {string.Join("\n", log.Reported)}");
            defined.Add(module.Functions.Any(f => f.Name == intrinsic && !f.IsDeclaration));
        }
        CollectionAssert.Contains(defined, true, "past the limit a call of the definition");
        CollectionAssert.Contains(defined, false, "within the limit inline");
    }

    /// <summary>Without the definition the backend refuses what it leaves as a call.</summary>
    [TestMethod]
    [DataRow("memset", 4096UL, 1)]
    [DataRow("memcpy", 4096UL, 8)]
    public void WithoutTheDefinitionTheBackendRefusesTheCall(string intrinsic, ulong length, int alignment)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, Program(intrinsic, length, alignment));
        module.SetTarget(Machine);
        var log = new DiagnosticLog(TextWriter.Null);

        Assert.IsNull(ObjectEmitter.Emit(context, Machine, module, log));

        Assert.Contains($"built-in function '{intrinsic}'", string.Join("\n", log.Reported.Select(d => d.Message)));
    }
}
