using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>Panics left in the program are warned about at the program's own line, and no function runs off its end.</summary>
[TestClass]
public sealed class PanicPathsTests : PipelineTests
{
    private const string BoundsCheck = "_RNvNtCs1234_4core9panicking18panic_bounds_check";

    // prog indexes a table; the bounds check was inlined from core (line 40 of slice/index.rs)
    // into prog's line 7, and panics through core when it fails.
    private static readonly string Program = $$"""
        target triple = "bpfel"
        define i32 @prog(ptr %ctx) section "xdp" !dbg !4 {
          %i = load i32, ptr %ctx, !dbg !6
          %ok = icmp ult i32 %i, 4, !dbg !6
          br i1 %ok, label %in, label %out, !dbg !6
        in:
          ret i32 2, !dbg !6
        out:
          call void @{{BoundsCheck}}(i32 %i), !dbg !10
          unreachable, !dbg !10
        }
        define internal void @{{BoundsCheck}}(i32 %i) noinline noreturn !dbg !8 {
          br label %spin, !dbg !9
        spin:
          br label %spin, !dbg !9
        }
        {{DebugIr.CompileUnit}}
        !4 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 5, type: !5, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
        !5 = !DISubroutineType(types: !{!3})
        !6 = !DILocation(line: 7, scope: !4)
        !7 = !DIFile(filename: "/rustc/abc/library/core/src/slice/index.rs", directory: "")
        !8 = distinct !DISubprogram(name: "panic_bounds_check", scope: !7, file: !7, line: 270, type: !11, scopeLine: 270, spFlags: DISPFlagDefinition, unit: !0)
        !9 = !DILocation(line: 271, scope: !8)
        !10 = !DILocation(line: 40, scope: !12, inlinedAt: !6)
        !11 = !DISubroutineType(types: !{null, !3})
        !12 = distinct !DISubprogram(name: "index", scope: !7, file: !7, line: 39, type: !5, scopeLine: 39, spFlags: DISPFlagDefinition, unit: !0)
        """;

    [TestMethod]
    public void AReachablePanicIsAWarningAtTheProgramsLine_AndTheObjectIsWritten()
    {
        var (ok, log, output) = Link(Program);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        var warning = log.Reported.Single(d => d.Code == DiagnosticCodes.PanicReachable);
        Assert.AreEqual((Severity.Warning, "/src/main.rs", 7), (warning.Severity, warning.File, warning.Line));
        Assert.Contains("core::panicking::panic_bounds_check", warning.Message);
        Assert.Contains("'prog'", warning.Message);
        Assert.IsTrue(File.Exists(output));
    }

    [TestMethod]
    public void AProgramWithoutPanicsGetsNoWarning()
    {
        var (ok, log, _) = Link(Program.Replace($"call void @{BoundsCheck}(i32 %i), !dbg !10", "", StringComparison.Ordinal));

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        Assert.IsFalse(log.Reported.Any(d => d.Code == DiagnosticCodes.PanicReachable));
    }

    [TestMethod]
    [DataRow("_RNvNtCsgEmfK2I1SDS_4core9panicking18panic_bounds_check", "panic_bounds_check")]
    [DataRow("_RNvNtNtCsgEmfK2I1SDS_4core9panicking11panic_const24panic_const_add_overflow", "panic_const_add_overflow")]
    [DataRow("_ZN4core9panicking9panic_fmt17h0123456789abcdefE", "panic_fmt")]
    [DataRow("_RNvNtCsX_4core9panicking9panic_fmt.llvm.1234567", "panic_fmt")]
    public void NamesThePanicFunctionFromItsSymbol(string symbol, string name) =>
        Assert.AreEqual(name, PanicPaths.PanicName(symbol));
}
