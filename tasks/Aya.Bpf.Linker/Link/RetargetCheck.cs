using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// What optimisation left in the module is what the program can reach. Code that only a host CPU
/// runs, or that the BPF calling convention cannot express, is reported here with the function
/// and its source line, rather than as a code generator failure or a verifier refusal later.
/// </summary>
internal static class RetargetCheck
{
    // llvm.<architecture>.* intrinsics of other targets (llvm.x86.sse2.pause, llvm.aarch64.isb...).
    private static readonly string[] s_foreignIntrinsicPrefixes =
        ["llvm.x86.", "llvm.aarch64.", "llvm.arm.", "llvm.riscv.", "llvm.ppc.", "llvm.s390.", "llvm.loongarch.", "llvm.mips.", "llvm.wasm."];

    /// <remarks>Inline assembly is <see cref="Asm.InlineAssembly"/>'s to check.</remarks>
    public static bool Check(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        var errorsBefore = log.ErrorCount;
        var byval = LlvmAttributes.EnumKind("byval");
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            var name = FunctionNames.Display(context, function);
            var source = SourceOf(context, function);
            if (AggregateReturns.CannotReturn(function))
                Report(log, DiagnosticCodes.AggregateByValue, source,
                    $"function {name} returns an aggregate (or an integer wider than 64 bits), which the BPF calling convention cannot return, " +
                    "and could not be inlined into its callers (it calls itself, or is an entry point). Return it through a reference.");
            for (var parameter = 0; parameter < LlvmAttributes.ParameterCount(function); parameter++)
            {
                if (LlvmAttributes.ParameterHas(function, parameter, byval))
                    Report(log, DiagnosticCodes.AggregateByValue, source,
                        $"function {name} takes parameter {parameter + 1} by value as an aggregate copied onto the stack, which the BPF calling convention cannot pass. " +
                        "Pass it by reference, or mark the function #[inline(always)].");
            }
            foreach (var call in function.Instructions(context).Where(i => i.IsCall))
            {
                var callee = call.CalledFunction?.Name ?? "";
                if (s_foreignIntrinsicPrefixes.Any(prefix => callee.StartsWith(prefix, StringComparison.Ordinal)))
                    Report(log, DiagnosticCodes.HostIntrinsic, source,
                        $"function {name} calls '{callee}', an intrinsic of another CPU that BPF does not have. " +
                        "Replace the code that uses it (core::arch, SIMD, spin-loop hints) with portable code.");
            }
        }
        return log.ErrorCount == errorsBefore;
    }

    // Reported at the function's own line: a call's line may lie inside core, where it was inlined from.
    private static (string File, int Line)? SourceOf(LlvmContext context, LlvmGlobal function)
    {
        var subprogram = function.Subprogram(context);
        return subprogram.IsNull || subprogram.SourceFile is not { } file ? null : (file, (int)subprogram.Line);
    }

    private static void Report(DiagnosticLog log, string code, (string File, int Line)? source, string message) =>
        log.Report(new Diagnostic(Severity.Error, code, message, source?.File, source?.Line ?? 0));
}
