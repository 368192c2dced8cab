using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Support;
using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Link;

/// <summary>
/// What the link does for bitcode compiled for the host (BpfRustBuild=host) and what it refuses to
/// retarget, through the whole pipeline on small IR programs.
/// </summary>
[TestClass]
public sealed class HostRetargetTests : PipelineTests
{
    [TestMethod]
    public void AHostCpuIntrinsicIsBpf2015NamingTheFunctionAtItsLine()
    {
        var error = SingleError(CalleeProgram.Ir("""
            %t = call i64 @llvm.x86.rdtsc(), !dbg !8
            %r = trunc i64 %t to i32, !dbg !8
            ret i32 %r, !dbg !8
            """, "declare i64 @llvm.x86.rdtsc()"), fromHost: true);

        Assert.AreEqual(DiagnosticCodes.HostIntrinsic, error.Code);
        Assert.Contains("function 'callee'", error.Message);
        Assert.Contains("llvm.x86.rdtsc", error.Message);
        Assert.AreEqual(("/src/main.rs", 9), (error.File, error.Line));
    }

    [TestMethod]
    public void AnAggregatePassedByValueIsBpf2016()
    {
        var error = SingleError("""
            target triple = "x86_64-unknown-linux-gnu"
            %Quad = type { [4 x i64] }
            define i32 @prog(ptr %ctx) section "xdp" !dbg !4 {
              %q = alloca %Quad, !dbg !6
              %r = call i32 @callee(ptr byval(%Quad) %q), !dbg !6
              ret i32 %r, !dbg !6
            }
            define internal i32 @callee(ptr byval(%Quad) %q) noinline !dbg !7 {
              %w = load i64, ptr %q, !dbg !8
              %r = trunc i64 %w to i32, !dbg !8
              ret i32 %r, !dbg !8
            }
            """ + CalleeProgram.DebugInfo, fromHost: true);

        Assert.AreEqual(DiagnosticCodes.AggregateByValue, error.Code);
        Assert.Contains("function 'callee'", error.Message);
        Assert.Contains("parameter 1", error.Message);
    }

    /// <summary>core's functions carry rust_eh_personality, which nothing defines; with nothing unwinding in BPF it goes.</summary>
    [TestMethod]
    public void HostCodeThatCouldUnwindLinksWithoutAPersonality()
    {
        var (ok, log, output) = Link("""
            target triple = "x86_64-unknown-linux-gnu"
            declare i32 @rust_eh_personality(...)
            define i32 @prog(ptr %ctx) section "xdp" personality ptr @rust_eh_personality !dbg !4 {
              %r = invoke i32 @callee() to label %done unwind label %cleanup, !dbg !6
            done:
              ret i32 %r, !dbg !6
            cleanup:
              %lp = landingpad { ptr, i32 } cleanup, !dbg !6
              resume { ptr, i32 } %lp, !dbg !6
            }
            define internal i32 @callee() noinline "probe-stack"="inline-asm" uwtable "target-cpu"="x86-64" !dbg !7 {
              %v = load volatile i32, ptr null, !dbg !8
              ret i32 %v, !dbg !8
            }
            """ + CalleeProgram.DebugInfo, fromHost: true);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        Assert.IsTrue(File.Exists(output));
    }

    /// <summary>A copy of unknown length stays a memcpy call, which BPF refuses; the link defines memcpy for BPF.</summary>
    [TestMethod]
    public void ACopyOfVariableLengthCallsABpfMemcpy()
    {
        var (ok, log, output) = Link("""
            target triple = "bpfel"
            declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
            define i32 @prog(ptr %ctx) section "xdp" !dbg !4 {
              %buf = alloca [64 x i8], !dbg !6
              %n = load i32, ptr %ctx, !dbg !6
              %masked = and i32 %n, 63, !dbg !6
              %len = zext i32 %masked to i64, !dbg !6
              call void @llvm.memcpy.p0.p0.i64(ptr %buf, ptr %ctx, i64 %len, i1 false), !dbg !6
              %r = call i32 @callee(ptr %buf), !dbg !6
              ret i32 %r, !dbg !6
            }
            define internal i32 @callee(ptr %p) noinline !dbg !7 {
              %v = load volatile i32, ptr %p, !dbg !8
              ret i32 %v, !dbg !8
            }
            """ + CalleeProgram.DebugInfo);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        using var stream = File.OpenRead(output);
        var symbols = ElfFile.Read(stream).Sections.OfType<ElfSymbolTable>().Single().Entries;
        Assert.IsTrue(symbols.Any(s => s.Name.Value == "memcpy" && s.Type == ElfSymbolType.Function && s.SectionLink.Section?.Name.Value == ".text"),
            "memcpy is a function of the object's .text");
    }

    private Diagnostic SingleError(string ir, bool fromHost)
    {
        var (ok, log, output) = Link(ir, fromHost);
        Assert.IsFalse(ok);
        Assert.IsFalse(File.Exists(output), "no object is written");
        return log.Reported.Single(d => d.Severity == Severity.Error);
    }
}
