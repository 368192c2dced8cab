namespace Aya.Bpf.Tests.Integration;

/// <summary>tracefs, where libbpf finds a tracepoint's id (events/syscalls/sys_enter_getpid/id) to attach a program to it.</summary>
internal static class TraceFileSystem
{
    private static readonly FileSystemMount Mount = new("tracefs", "/sys/kernel/tracing");

    /// <summary>Mounts tracefs at /sys/kernel/tracing unless `mount` already lists one there.</summary>
    public static void EnsureMounted() => Mount.EnsureMounted();
}
