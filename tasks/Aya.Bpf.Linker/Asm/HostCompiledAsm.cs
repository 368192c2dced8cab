using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Asm;

/// <summary>
/// BPF assembly that a host build's rustc compiled (an <c>asm!</c> under <c>cfg(target_arch =
/// "bpf")</c>) carries what rustc adds for the host CPU: Intel dialect, operand modifiers such as
/// <c>${0:q}</c> (x86's 64-bit register names), and the clobbers <c>~{dirflag},~{fpsr},~{flags}</c>.
/// Without them it is the assembly a BPF-target build writes, for LLVM's BPF assembler.
/// </summary>
internal static partial class HostCompiledAsm
{
    // Operand constraint codes BPF has: its register classes, immediates, memory, "any", ties.
    private const string BpfConstraintCodes = "rwinmX0123456789";

    /// <summary>The assembly in BPF's form, or null with the host register or constraint it uses (then it is host assembly).</summary>
    public static InlineAsmText? ForBpf(InlineAsmText text, out string? hostOnly)
    {
        hostOnly = null;
        List<string> kept = [];
        foreach (var constraint in text.Constraints.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (constraint.StartsWith("~{", StringComparison.Ordinal))
            {
                // A clobber of a register BPF does not have is the host's bookkeeping; drop it.
                if (Register(constraint) is "memory" || IsBpfRegister(Register(constraint)))
                    kept.Add(constraint);
                continue;
            }
            if (ForeignPart(constraint) is { } foreign)
            {
                hostOnly = foreign;
                return null;
            }
            kept.Add(constraint);
        }
        return new InlineAsmText(OperandModifier().Replace(text.Template, "$${${operand}}"), string.Join(',', kept), AsmDialect.Att);
    }

    /// <summary>Whether the template has no instruction at all (as <c>core::hint::black_box</c>'s), which any target assembles.</summary>
    public static bool IsEmpty(InlineAsmText text) => text.Template.Trim().Length == 0;

    /// <summary>r0 to r11 and their 32-bit halves w0 to w11.</summary>
    internal static bool IsBpfRegister(string name) =>
        name.Length is 2 or 3 && name[0] is 'r' or 'w' && int.TryParse(name.AsSpan(1), out var number) && number is >= 0 and <= 11;

    private static string Register(string braced)
    {
        var start = braced.IndexOf('{');
        var end = braced.IndexOf('}', start + 1);
        return start >= 0 && end > start ? braced[(start + 1)..end] : "";
    }

    /// <summary>The part of an operand constraint (<c>=&amp;r</c>, <c>{ax}</c>, <c>Q</c>) that BPF cannot have, if any.</summary>
    private static string? ForeignPart(string constraint)
    {
        var code = constraint.TrimStart('=', '+', '&', '*', '%', '!', '^');
        if (code.StartsWith('{'))
            return IsBpfRegister(Register(code)) ? null : $"register {{{Register(code)}}}";
        var foreign = code.Where(c => !BpfConstraintCodes.Contains(c)).ToArray();
        return foreign.Length == 0 ? null : $"constraint '{code}'";
    }

    [GeneratedRegex(@"\$\{(?<operand>\d+):[A-Za-z]+\}")]
    private static partial Regex OperandModifier();
}
