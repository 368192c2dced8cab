using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// A BPF program cannot panic: core's panic functions end in the panic handler's endless loop,
/// which the verifier refuses ("infinite loop detected", or "last insn is not an exit or jmp")
/// unless it can prove the path dead. Each call into core::panicking that optimisation left is
/// reported as a warning at the program's source line that leads to it, so a load failure has
/// an explanation at build time.
/// </summary>
internal static partial class PanicPaths
{
    // Symbols of core::panicking's functions, in v0 (`_RNv...4core9panicking...`) and legacy
    // (`_ZN4core9panicking...`) mangling: the crate and module as length-prefixed identifiers.
    private const string PanickingModule = "4core9panicking";

    public static void Report(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        HashSet<(string, int, string)> reported = [];
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration && !IsPanicking(f.Name)))
        {
            foreach (var call in function.Instructions(context).Where(i => i.IsCall))
            {
                if (call.CalledFunction is not { } callee || !IsPanicking(callee.Name))
                    continue;
                var source = call.OutermostSourceLocation;
                var panic = PanicName(callee.Name);
                if (!reported.Add((source?.File ?? function.Name, source?.Line ?? 0, panic)))
                    continue;
                log.Report(new Diagnostic(Severity.Warning, DiagnosticCodes.PanicReachable,
                    $"this code can panic (core::panicking::{panic}, reached from {FunctionNames.Display(context, function)}). A BPF program cannot panic: " +
                    $"the verifier refuses it unless it can prove the path dead. {Advice(panic)}",
                    source?.File, source?.Line ?? 0));
            }
        }
    }

    // Checks the compiler adds in a dev profile are better turned off than proved dead.
    private static string Advice(string panic) =>
        panic.Contains("pointer_dereference", StringComparison.Ordinal)
            ? "The check comes from debug assertions: set debug-assertions = false in the cargo profile."
            : panic.StartsWith("panic_const_", StringComparison.Ordinal) && panic.EndsWith("_overflow", StringComparison.Ordinal)
                ? "The check comes from overflow checks: use wrapping or checked arithmetic, or set overflow-checks = false in the cargo profile."
                : "Check the index, length or value first, so that the compiler removes the panic.";

    private static bool IsPanicking(string symbol) => symbol.Contains(PanickingModule, StringComparison.Ordinal);

    // The function's own name: the last length-prefixed identifier after the module
    // (`18panic_bounds_check`), leaving out a legacy symbol's hash (`17h0123456789abcdef`).
    internal static string PanicName(string symbol)
    {
        var rest = symbol[(symbol.IndexOf(PanickingModule, StringComparison.Ordinal) + PanickingModule.Length)..];
        string? last = null;
        var i = 0;
        while (i < rest.Length)
        {
            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
                i++;
            if (i == start)
            {
                i++;
                continue;
            }
            if (!int.TryParse(rest[start..i], System.Globalization.CultureInfo.InvariantCulture, out var length) || length == 0 || length > rest.Length - i)
                break;
            var identifier = rest.Substring(i, length);
            if (!LegacyHash().IsMatch(identifier))
                last = identifier;
            i += length;
        }
        return last ?? symbol;
    }

    [GeneratedRegex("^h[0-9a-f]{16}$")]
    private static partial Regex LegacyHash();
}
