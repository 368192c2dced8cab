using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Asm;

/// <summary>
/// Assembles one inline assembly alone, in a function of its own in a scratch module, with the
/// link's BPF target: what LLVM's BPF assembler says of it belongs to that asm, so it can be
/// reported at its Rust function rather than as an anonymous <c>&lt;inline asm&gt;</c> error of the
/// whole program's code generation.
/// </summary>
internal static class AsmTrial
{
    /// <returns>The assembler's errors (none when it assembles), or null when the trial cannot tell
    /// (an indirect memory operand needs the call's attributes); code generation then judges it.</returns>
    public static IReadOnlyList<string>? Errors(LlvmContext context, TargetMachine machine, LlvmInlineAsm asm)
    {
        if (asm.Text.Constraints.Contains('*'))
            return null;
        using var module = LlvmModule.CreateEmpty(context, "asm-trial");
        module.SetTarget(machine);
        module.AddFunctionCalling(context, "asm_trial", asm);
        if (module.Verify() is not null)
            return null;
        machine.TryEmitObject(module, out _);
        return [.. context.TakeDiagnostics().Where(d => d.Severity == DiagnosticSeverityLevel.Error).Select(d => d.Text)];
    }
}
