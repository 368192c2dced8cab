namespace Aya.Bpf.Tests.Support;

/// <summary>Text LLVM IR inputs that fail in the BPF backend, each with an entry point of its own name.</summary>
internal static class LlvmIr
{
    /// <summary>The entry point of <see cref="CallWithSixArguments"/>, which makes the call.</summary>
    public const string SixArgumentsCaller = "xdp_six";

    /// <summary>The source line of the call in <see cref="CallWithSixArguments"/> (its !6), in <see cref="SixArgumentsFile"/>.</summary>
    public const int SixArgumentsCallLine = 17;

    public const string SixArgumentsFile = "/src/six.rs";

    /// <summary>
    /// BPF passes at most five arguments in registers; the backend reports a call with six as an
    /// error. The volatile loads and noinline keep the optimiser from folding the call away.
    /// </summary>
    public static readonly string CallWithSixArguments = $$"""
        target triple = "bpfel"
        define internal i32 @six(i32 %a, i32 %b, i32 %c, i32 %d, i32 %e, i32 %f) noinline {
          %1 = add i32 %a, %b
          %2 = add i32 %1, %c
          %3 = add i32 %2, %d
          %4 = add i32 %3, %e
          %5 = add i32 %4, %f
          ret i32 %5
        }
        define i32 @{{SixArgumentsCaller}}(ptr %ctx) section "xdp" !dbg !5 {
          %v = load volatile i32, ptr %ctx
          %w = load volatile i32, ptr %ctx
          %r = call i32 @six(i32 %v, i32 %w, i32 %v, i32 %w, i32 %v, i32 %w), !dbg !6
          ret i32 %r
        }
        {{DebugUnit("DW_LANG_Rust", "six.rs")}}
        !5 = distinct !DISubprogram(name: "{{SixArgumentsCaller}}", scope: !1, file: !1, line: 15, type: !4, unit: !0, spFlags: DISPFlagDefinition)
        !6 = !DILocation(line: 17, column: 5, scope: !5)
        """;

    /// <summary>An entry point of six parameters: the backend refuses the definition ("stack arguments are not supported").</summary>
    public const string EntryWithSixParameters = """
        target triple = "bpfel"
        define i32 @xdp_params(ptr %ctx, i32 %a, i32 %b, i32 %c, i32 %d, i32 %e) section "xdp" {
          %1 = add i32 %a, %e
          ret i32 %1
        }
        """;

    /// <summary>A stack slot of a size known only at run time: an error diagnostic of the BPF backend, of no kind the SDK explains itself.</summary>
    public const string DynamicStackAllocation = """
        target triple = "bpfel"
        define i32 @xdp_dyn(ptr %ctx) section "xdp" {
          %n = load volatile i32, ptr %ctx
          %p = alloca i8, i32 %n
          store volatile i8 1, ptr %p
          ret i32 2
        }
        """;

    /// <summary>The line <see cref="HugeFunction"/>'s entry point is defined at, in /src/huge.c.</summary>
    public const int HugeFunctionLine = 42;

    /// <summary>
    /// An entry point whose loop body is <paramref name="stores"/> volatile stores, one BPF
    /// instruction each: past 32767, the loop's jump back cannot be encoded.
    /// </summary>
    public static string HugeFunction(int stores) => $$"""
        target triple = "bpfel"
        define i32 @xdp_huge(ptr %ctx) section "xdp" !dbg !5 {
        entry:
          br label %loop
        loop:
          %i = phi i32 [0, %entry], [%n, %loop]
        {{string.Concat(Enumerable.Repeat("  store volatile i32 %i, ptr %ctx\n", stores))}}  %n = add i32 %i, 1
          %c = icmp ult i32 %n, 4
          br i1 %c, label %loop, label %done
        done:
          ret i32 2
        }
        {{DebugUnit("DW_LANG_C99", "huge.c")}}
        !5 = distinct !DISubprogram(name: "xdp_huge", scope: !1, file: !1, line: {{HugeFunctionLine}}, type: !4, unit: !0, spFlags: DISPFlagDefinition)
        """;

    /// <summary>
    /// A GPU intrinsic the BPF backend cannot select: a fatal LLVM error in code generation. (Host CPU
    /// intrinsics, such as x86's, are refused before code generation with BPF2015.)
    /// </summary>
    public const string GpuIntrinsic = """
        target triple = "bpfel"
        declare i32 @llvm.nvvm.read.ptx.sreg.tid.x()
        define i32 @xdp_fatal(ptr %ctx) section "xdp" {
          %t = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
          ret i32 %t
        }
        """;

    /// <summary>Metadata !0 to !4 of a module with debug info: its compile unit, file /src/<paramref name="file"/>, flags, and a subroutine type.</summary>
    private static string DebugUnit(string language, string file) => $$"""
        !llvm.dbg.cu = !{!0}
        !llvm.module.flags = !{!2, !3}
        !0 = distinct !DICompileUnit(language: {{language}}, file: !1, emissionKind: FullDebug)
        !1 = !DIFile(filename: "{{file}}", directory: "/src")
        !2 = !{i32 2, !"Debug Info Version", i32 3}
        !3 = !{i32 7, !"Dwarf Version", i32 5}
        !4 = !DISubroutineType(types: !{null})
        """;
}
