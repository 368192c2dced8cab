using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Emit;

/// <summary>
/// A BPF jump's offset is 16 bits of instructions, so a function whose branches span more than
/// 32767 instructions cannot be encoded. The backend then ends the process with the fatal error
/// "Branch target out of insn range", naming no function; this names the largest one, which is
/// where such a span lies, at its Rust name and line.
/// </summary>
internal static class JumpRange
{
    public const int MaxJumpInstructions = short.MaxValue;

    private const string FatalText = "Branch target out of insn range";

    /// <summary>Explains the fatal error for <paramref name="module"/>'s functions; other fatal errors keep LLVM's own text.</summary>
    public static Func<string, Diagnostic?> Explainer(LlvmContext context, LlvmModule module)
    {
        // Measured before code generation: the fatal error handler cannot walk a module mid-codegen.
        var sized = module.Functions.Where(f => !f.IsDeclaration).Select(f => (Function: f, Instructions: f.Instructions(context).Count())).ToList();
        LargestFunction? largest = null;
        if (sized.Count > 0)
        {
            var (function, instructions) = sized.MaxBy(f => f.Instructions);
            var (file, line) = FunctionNames.Definition(context, function);
            largest = new LargestFunction(FunctionNames.Display(context, function), instructions, file, line);
        }
        return text => text.Contains(FatalText, StringComparison.Ordinal) ? Explain(largest) : null;
    }

    private readonly record struct LargestFunction(string Name, int Instructions, string? File, int Line);

    private static Diagnostic Explain(LargestFunction? largest) =>
        new(Severity.Error, DiagnosticCodes.FunctionTooLarge,
            $"a function is too large for BPF: a jump in it spans more than the {MaxJumpInstructions} instructions a BPF jump can reach (LLVM: {FatalText}). " +
            (largest is { } known ? $"The largest function is {known.Name}, of {known.Instructions} LLVM instructions after inlining. " : "") +
            "Split the work into functions of their own (#[inline(never)]), or unroll less: a loop over a constant range is unrolled whole.",
            largest?.File, largest?.Line ?? 0);
}
