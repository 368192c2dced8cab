using System.Globalization;
using System.Text;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// Whether the link's BPF backend expands a copy or fill of known length into loads and stores,
/// found by compiling that one call alone in a scratch module. How far the backend expands differs
/// between LLVM versions (a store limit once counted at the call's alignment, now in 8-byte stores,
/// in the newest a setting), so the backend is asked rather than modelled. The trial knows only the
/// alignments the call site gives; the backend may know more in the program and expand more, never
/// less. An expansion that does not compile counts as none: a memmove loads everything before it
/// stores, and 128 byte loads spill past the 512-byte stack.
/// </summary>
internal sealed class MemoryCopyTrial(LlvmContext context, TargetMachine machine)
{
    // Every BPF backend expands a copy or fill of 128 stores, one after another, so 128 bytes of
    // memcpy or memset need no trial.
    private const ulong AlwaysExpanded = 128;

    private readonly Dictionary<(string Callee, ulong Length, ulong To, ulong From), bool> _answers = [];

    /// <param name="callee">The intrinsic's full name, e.g. <c>llvm.memcpy.p0.p0.i64</c>.</param>
    public bool Expands(string callee, ulong length, ulong toAlignment, ulong fromAlignment)
    {
        if (length <= AlwaysExpanded && !callee.StartsWith("llvm.memmove.", StringComparison.Ordinal))
            return true;
        var key = (callee, length, toAlignment, fromAlignment);
        if (!_answers.TryGetValue(key, out var expands))
            _answers[key] = expands = Compile(callee, length, toAlignment, fromAlignment);
        return expands;
    }

    private bool Compile(string callee, ulong length, ulong toAlignment, ulong fromAlignment)
    {
        if (TrialSource(callee, length, toAlignment, fromAlignment) is not { } source)
            return false;
        using var module = LlvmModule.TryParse(context, Encoding.UTF8.GetBytes(source), isTextIr: true, "<memory copy trial>", out _);
        if (module is null)
        {
            context.TakeDiagnostics();
            return false;
        }
        module.SetTarget(machine);
        var bytes = machine.TryEmitObject(module, out _);
        // The backend refuses the call it leaves ("A call to built-in function ... is not supported").
        var refused = context.TakeDiagnostics().Any(d => d.Severity == DiagnosticSeverityLevel.Error);
        return bytes is not null && !refused;
    }

    // The intrinsic's name spells its parameter types: "llvm.memset.p0.i64", "llvm.memcpy.p0.p0.i64".
    private static string? TrialSource(string callee, ulong length, ulong toAlignment, ulong fromAlignment)
    {
        var parts = callee.Split('.');
        var fill = parts is [_, "memset", _, _];
        if (!fill && parts is not [_, "memcpy" or "memmove", _, _, _])
            return null;
        var to = PointerType(parts[2]);
        var from = fill ? "i8" : PointerType(parts[3]);
        var lengthType = parts[^1];
        if (to is null || from is null || lengthType is not ("i32" or "i64"))
            return null;
        var second = fill ? "i8 %value" : $"{from} align {fromAlignment} %from";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            declare void @{{callee}}({{to}}, {{from}}, {{lengthType}}, i1)
            define void @trial({{to}} %to, {{from}} %from, i8 %value) {
              call void @{{callee}}({{to}} align {{toAlignment}} %to, {{second}}, {{lengthType}} {{length}}, i1 false)
              ret void
            }
            """);
    }

    private static string? PointerType(string part) =>
        part.StartsWith('p') && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var space)
            ? space == 0 ? "ptr" : $"ptr addrspace({space})"
            : null;
}
