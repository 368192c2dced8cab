using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Emit;

/// <summary>
/// The BPF backend reports a frame past BPF's 512 bytes once per stack access ("Looks like the BPF
/// stack limit is exceeded": dozens of times for one function, some at <c>:0:0</c>, some in core's
/// files). They become one error per function, at its Rust name and line, with the bytes its stack
/// slots take.
/// </summary>
internal static partial class StackLimit
{
    public const int BpfStackBytes = 512;

    /// <summary>Reports the stack-limit diagnostics; returns the others, for the usual reporting.</summary>
    public static IReadOnlyList<LlvmDiagnostic> Report(LlvmContext context, LlvmModule module, IReadOnlyList<LlvmDiagnostic> diagnostics, DiagnosticLog log, out bool overflowed)
    {
        var functions = diagnostics
            .Select(d => Overflow().Match(d.Text))
            .Where(match => match.Success)
            .Select(match => match.Groups["function"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var name in functions)
            ReportFunction(context, module, name, log);
        overflowed = functions.Count > 0;
        return [.. diagnostics.Where(d => !Overflow().IsMatch(d.Text))];
    }

    private static void ReportFunction(LlvmContext context, LlvmModule module, string name, DiagnosticLog log)
    {
        var function = module.Functions.Where(f => f.Name == name).Select(f => (LlvmGlobal?)f).FirstOrDefault();
        var slots = function is { } f
            ? f.Instructions(context).Select(i => i.StackSlotBytes(module)).OfType<ulong>().OrderDescending().ToList()
            : [];
        var located = function is { } defined ? FunctionNames.Definition(context, defined) : (null, 0);
        var display = function is { } g ? FunctionNames.Display(context, g) : $"'{name}'";
        var taken = slots.Count == 0
            ? ""
            : $" Its stack slots alone take {slots.Aggregate(0UL, (sum, bytes) => sum + bytes)} bytes " +
              $"(the largest: {string.Join(", ", slots.Take(4))}), before what code generation spills.";
        log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.StackLimitExceeded,
            $"function {display} needs more stack than the {BpfStackBytes} bytes a BPF function has.{taken} " +
            "Keep large values in a map (a per-CPU array as scratch space), or split the function.",
            located.Item1, located.Item2));
    }

    // "src/main.rs:90:25: in function too_big i32 (ptr): Looks like the BPF stack limit is exceeded. ..."
    [GeneratedRegex(@"in function (?<function>\S+) .*?: Looks like the BPF stack limit is exceeded", RegexOptions.Singleline)]
    private static partial Regex Overflow();
}
