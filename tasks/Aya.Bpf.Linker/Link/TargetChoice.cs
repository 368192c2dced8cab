using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// The target machine of the link, refused when the BPF backend does not know BpfCpu or a feature
/// of BpfCpuFeatures: LLVM itself only prints that it ignores them and builds for another CPU.
/// The allowed values come from the same backend, so they are right for its LLVM version.
/// </summary>
internal static class TargetChoice
{
    // LLVM prints its CPU and feature tables when asked for the CPU "help", once per process.
    private const string HelpCpu = "help";

    private static string? s_help;

    public static TargetMachine? Create(LinkOptions options, DiagnosticLog log)
    {
        var level = (CodeGenOptLevel)Math.Clamp(options.OptimizationLevel, 0, 3);
        TargetMachine? machine = null;
        string? error = null;
        var complaints = NativeErrorOutput.Capture(() => machine = TargetMachine.TryCreate(options.Target, options.Cpu, options.CpuFeatures, level, out error));
        if (machine is null)
        {
            log.Error(DiagnosticCodes.UsageError, $"LLVM cannot target {options.Target}: {error}.", options.Project);
            return null;
        }
        var (cpus, features) = BackendChoices.Ignored(complaints);
        if (cpus.Count == 0 && features.Count == 0)
            return machine;

        machine.Dispose();
        var help = s_help ??= NativeErrorOutput.Capture(() => TargetMachine.TryCreate(options.Target, HelpCpu, "", level, out _)?.Dispose());
        var backend = $"the BPF backend of LLVM {LlvmLibrary.LoadedVersion}";
        foreach (var cpu in cpus)
            log.Error(DiagnosticCodes.TargetChoiceUnknown,
                $"BpfCpu '{cpu}' is not a CPU of {backend}: use {OneOf(BackendChoices.Table(help, "CPUs"))} (v3 is the default).", options.Project);
        foreach (var feature in features)
            log.Error(DiagnosticCodes.TargetChoiceUnknown,
                $"BpfCpuFeatures names '{feature}', which is not a feature of {backend}: its features are " +
                $"{OneOf(BackendChoices.Table(help, "features"))}, each given with + or -.", options.Project);
        return null;
    }

    private static string OneOf(IReadOnlyList<string> names) =>
        names.Count switch
        {
            0 => "a CPU LLVM lists with -mcpu=help",
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}",
        };
}
