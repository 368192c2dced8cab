namespace Aya.Bpf.Runtime;

/// <summary>
/// Whether the kernel can attach kprobes: libbpf needs the kprobe PMU or, on older kernels,
/// tracefs's kprobe_events. Without CONFIG_KPROBES neither exists and libbpf only says ENOENT.
/// </summary>
internal static class KernelProbes
{
    private const string Pmu = "/sys/bus/event_source/devices/kprobe";
    private static readonly string[] EventFiles = ["/sys/kernel/tracing/kprobe_events", "/sys/kernel/debug/tracing/kprobe_events"];

    public static bool Supported => Directory.Exists(Pmu) || EventFiles.Any(File.Exists);

    public static string Missing =>
        $"this kernel has no kprobe support (built without CONFIG_KPROBES: there is no {Pmu} and no kprobe_events in tracefs)";
}
