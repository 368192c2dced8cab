using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Emit;

/// <summary>
/// BPF passes at most five arguments, in R1-R5, and has no stack arguments. The backend says so
/// with a SelectionDAG node ("0x55...: i64 = GlobalAddress&lt;ptr @six&gt; 0 too many arguments") at
/// <c>&lt;unknown&gt;:0:0</c>, and again for the callee ("stack arguments are not supported"). They
/// become one error per call, at the call's line, naming caller and callee; a function that takes
/// too many without a call reported gets one at its definition.
/// </summary>
internal static partial class ArgumentLimit
{
    public const int BpfArgumentRegisters = 5;

    private const string StructAdvice = "Pass a reference to a struct that holds the values instead";

    private const string Advice = $"{StructAdvice}, or let the callee be inlined (#[inline(always)]).";

    /// <summary>Reports the argument-count diagnostics; returns the others, for the usual reporting.</summary>
    public static IReadOnlyList<LlvmDiagnostic> Report(LlvmContext context, LlvmModule module, IReadOnlyList<LlvmDiagnostic> diagnostics, DiagnosticLog log, out bool refused)
    {
        var calls = diagnostics.Select(d => TooManyArguments().Match(d.Text)).Where(m => m.Success)
            .Select(m => (Caller: m.Groups["caller"].Value, Callee: m.Groups["callee"].Value)).Distinct().ToList();
        var callees = diagnostics.Select(d => StackArguments().Match(d.Text)).Where(m => m.Success)
            .Select(m => m.Groups["function"].Value).Distinct(StringComparer.Ordinal).ToList();
        var functions = module.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (caller, callee) in calls)
            ReportCalls(context, functions, caller, callee, log);
        foreach (var callee in callees.Where(callee => !calls.Any(call => call.Callee == callee)))
            ReportDefinition(context, functions, callee, log);
        refused = calls.Count > 0 || callees.Count > 0;
        return [.. diagnostics.Where(d => !TooManyArguments().IsMatch(d.Text) && !StackArguments().IsMatch(d.Text))];
    }

    private static void ReportCalls(LlvmContext context, Dictionary<string, LlvmGlobal> functions, string caller, string callee, DiagnosticLog log)
    {
        var known = functions.TryGetValue(caller, out var callerFunction);
        var fallback = known ? FunctionNames.Definition(context, callerFunction) : (null, 0);
        var sites = known
            ? callerFunction.Instructions(context)
                .Where(i => i.IsCall && i.CalledFunction is { } called && called.Name == callee && i.OperandCount - 1 > BpfArgumentRegisters)
                .Select(i => (Count: $"{i.OperandCount - 1}", Location: i.InnermostSourceLocation ?? fallback))
                .ToList()
            : [];
        // Without the call in the IR (the backend named it, the module no longer has it), the caller's definition.
        if (sites.Count == 0)
            sites.Add(($"more than {BpfArgumentRegisters}", fallback));
        foreach (var (count, (file, line)) in sites)
        {
            log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.TooManyArguments,
                $"function {Named(context, functions, caller)} calls {Named(context, functions, callee)} with {count} arguments; " +
                $"a BPF call passes at most {BpfArgumentRegisters}, in R1-R5 (BPF has no stack arguments). {Advice}",
                file, line));
        }
    }

    private static void ReportDefinition(LlvmContext context, Dictionary<string, LlvmGlobal> functions, string name, DiagnosticLog log)
    {
        var known = functions.TryGetValue(name, out var function);
        var (file, line) = known ? FunctionNames.Definition(context, function) : (null, 0);
        var parameters = known ? $"{LlvmAttributes.ParameterCount(function)}" : $"more than {BpfArgumentRegisters}";
        log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.TooManyArguments,
            $"function {Named(context, functions, name)} takes {parameters} parameters; a BPF function gets at most {BpfArgumentRegisters}, in R1-R5 (BPF has no stack arguments). {StructAdvice}.",
            file, line));
    }

    // As Rust knows the function when the module has it, else by the backend's name for it.
    private static string Named(LlvmContext context, Dictionary<string, LlvmGlobal> functions, string name) =>
        functions.TryGetValue(name, out var function) ? FunctionNames.Display(context, function) : $"'{name}'";

    // "<unknown>:0:0: in function xdp_six i32 (ptr): 0x55ba3b8e2d90: i64 = GlobalAddress<ptr @six> 0 too many arguments"
    [GeneratedRegex(@"in function (?<caller>\S+) .*?@(?<callee>[^>\s]+)>.*too many arguments", RegexOptions.Singleline)]
    private static partial Regex TooManyArguments();

    // "<unknown>:0:0: in function six i32 (i32, i32, i32, i32, i32, i32): stack arguments are not supported"
    [GeneratedRegex(@"in function (?<function>\S+) .*?: stack arguments are not supported", RegexOptions.Singleline)]
    private static partial Regex StackArguments();
}
