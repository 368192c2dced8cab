namespace Aya.Bpf.Tests.Support;

/// <summary>Text LLVM IR inputs that fail in the BPF backend, each with an entry point of its own name.</summary>
internal static class LlvmIr
{
    /// <summary>The entry point of <see cref="CallWithSixArguments"/>, which makes the call.</summary>
    public const string SixArgumentsCaller = "xdp_six";

    /// <summary>
    /// BPF passes at most five arguments in registers; the backend reports a call with six as an
    /// error. The volatile loads and noinline keep the optimiser from folding the call away.
    /// </summary>
    public const string CallWithSixArguments = $$"""
        target triple = "bpfel"
        define internal i32 @six(i32 %a, i32 %b, i32 %c, i32 %d, i32 %e, i32 %f) noinline {
          %1 = add i32 %a, %b
          %2 = add i32 %1, %c
          %3 = add i32 %2, %d
          %4 = add i32 %3, %e
          %5 = add i32 %4, %f
          ret i32 %5
        }
        define i32 @{{SixArgumentsCaller}}(ptr %ctx) section "xdp" {
          %v = load volatile i32, ptr %ctx
          %w = load volatile i32, ptr %ctx
          %r = call i32 @six(i32 %v, i32 %w, i32 %v, i32 %w, i32 %v, i32 %w)
          ret i32 %r
        }
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
}
