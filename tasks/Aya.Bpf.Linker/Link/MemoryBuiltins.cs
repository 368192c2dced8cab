using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// BPF has no C library: a copy or fill whose length LLVM does not know, or one too long for the
/// backend to expand (<see cref="MemoryCopyTrial"/>: zeroing a 4 KiB map value), stays a call
/// of memcpy, memmove or memset (the BPF backend refuses it: "A call to built-in function 'memcpy'
/// is not supported"), and core compares slices by calling memcmp or bcmp. Each such function that no
/// input defines gets a BPF definition (<see cref="MemoryBuiltinSource"/>), never the host's
/// assembly one, and the intrinsic calls become calls of it. Runs after optimisation.
/// </summary>
internal static class MemoryBuiltins
{
    private static readonly string[] s_intrinsics = ["memcpy", "memmove", "memset"];

    /// <summary>Adds the definitions that are needed and redirects the calls; false when a definition could not be added.</summary>
    public static bool Provide(LlvmContext context, LlvmModule module, TargetMachine machine, DiagnosticLog log)
    {
        var calls = CallsTheBackendLeaves(context, module, new MemoryCopyTrial(context, machine));
        var wanted = calls.Select(call => call.Name)
            .Concat(module.Functions.Where(f => f.IsDeclaration && f.IsUsed && MemoryBuiltinSource.Names.Contains(f.Name)).Select(f => f.Name))
            .Distinct(StringComparer.Ordinal)
            .Where(name => !module.Functions.Any(f => f.Name == name && !f.IsDeclaration))
            .ToList();
        foreach (var name in wanted)
        {
            if (!AddDefinition(context, module, machine, name, log))
                return false;
        }
        var definitions = module.Functions.Where(f => !f.IsDeclaration && MemoryBuiltinSource.Names.Contains(f.Name)).ToDictionary(f => f.Name);
        using var builder = new LlvmBuilder(context);
        foreach (var (instruction, name) in calls)
            builder.ReplaceWithCall(instruction, definitions[name]);
        if (wanted.Count > 0 || calls.Count > 0)
            log.Info($"Memory builtins: {(wanted.Count > 0 ? string.Join(", ", wanted) + " defined for BPF" : "the inputs' own definitions")}; " +
                $"{calls.Count} copies or fills of variable or large length call them.");
        return true;
    }

    private static List<(LlvmInstruction Call, string Name)> CallsTheBackendLeaves(LlvmContext context, LlvmModule module, MemoryCopyTrial trial)
    {
        List<(LlvmInstruction, string)> calls = [];
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            foreach (var instruction in function.Instructions(context).Where(i => i.IsCall))
            {
                var callee = instruction.CalledFunction?.Name ?? "";
                if (IntrinsicName(callee) is { } name && !BackendExpands(trial, instruction, callee, name))
                    calls.Add((instruction, name));
            }
        }
        return calls;
    }

    // "llvm.memcpy.p0.p0.i64" is memcpy; the ".inline" forms are always expanded.
    private static string? IntrinsicName(string callee) =>
        s_intrinsics.FirstOrDefault(n => callee.StartsWith($"llvm.{n}.", StringComparison.Ordinal)
            && !callee.StartsWith($"llvm.{n}.inline.", StringComparison.Ordinal));

    // The length is argument 2; a fill has no source pointer.
    private static bool BackendExpands(MemoryCopyTrial trial, LlvmInstruction call, string callee, string name)
    {
        if (call.ConstantArgument(2) is not { } length)
            return false;
        var to = call.ArgumentAlignment(0);
        return trial.Expands(callee, length, to, name == "memset" ? to : call.ArgumentAlignment(1));
    }

    private static bool AddDefinition(LlvmContext context, LlvmModule module, TargetMachine machine, string name, DiagnosticLog log)
    {
        var origin = $"<BPF {name}>";
        using var definition = LlvmModule.TryParse(context, Encoding.UTF8.GetBytes(MemoryBuiltinSource.Module(name)), isTextIr: true, origin, out var error);
        if (definition is null)
        {
            log.Error(DiagnosticCodes.LinkFailed, $"the BPF definition of {name} does not parse with this LLVM: {error}");
            return false;
        }
        definition.SetTarget(machine);
        if (!module.TryLink(definition) | LlvmDiagnosticReporter.Report(context, log, DiagnosticCodes.LinkFailed, $"linking {origin}"))
        {
            if (!log.HasErrors)
                log.Error(DiagnosticCodes.LinkFailed, $"linking the BPF definition of {name} failed");
            return false;
        }
        return true;
    }
}
