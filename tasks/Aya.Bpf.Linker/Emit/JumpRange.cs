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
        var largest = module.Functions.Where(f => !f.IsDeclaration)
            .Select(f => (Function: f, Instructions: f.Instructions(context).Count()))
            .OrderByDescending(f => f.Instructions).FirstOrDefault();
        var name = largest.Function.Handle == 0 ? null : FunctionNames.Display(context, largest.Function);
        var (file, line) = largest.Function.Handle == 0 ? (null, 0) : FunctionNames.Definition(context, largest.Function);
        var instructions = largest.Instructions;
        return text => text.Contains(FatalText, StringComparison.Ordinal) ? Explain(name, instructions, file, line) : null;
    }

    private static Diagnostic Explain(string? name, int instructions, string? file, int line) =>
        new(Severity.Error, DiagnosticCodes.FunctionTooLarge,
            $"a function is too large for BPF: a jump in it spans more than the {MaxJumpInstructions} instructions a BPF jump can reach (LLVM: {FatalText}). " +
            (name is null ? "" : $"The largest function is {name}, of {instructions} LLVM instructions after inlining. ") +
            "Split the work into functions of their own (#[inline(never)]), or unroll less: a loop over a constant range is unrolled whole.",
            file, line);
}
