namespace Aya.Bpf.Tests.Integration;

/// <summary>The bpffs mount that pinned programs live in.</summary>
internal static class BpfFileSystem
{
    public const string MountPoint = "/sys/fs/bpf";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lock MountGate = new();

    /// <summary>Mounts bpffs at /sys/fs/bpf unless `mount` already lists one there.</summary>
    public static void EnsureMounted()
    {
        lock (MountGate)
        {
            ProcessResult mounts = ChildProcess.Run("mount", [], CommandTimeout);
            if (mounts.StandardOutput.Split('\n').Any(IsBpfMount))
            {
                return;
            }

            ProcessResult mount = ChildProcess.Run("mount", ["-t", "bpf", "bpf", MountPoint], CommandTimeout);
            if (!mount.Succeeded)
            {
                throw new InvalidOperationException($"mount -t bpf bpf {MountPoint} failed:{Environment.NewLine}{mount.Output}");
            }
        }
    }

    // A line of `mount` reads "bpf on /sys/fs/bpf type bpf (rw,...)".
    private static bool IsBpfMount(string line) =>
        line.Contains($" on {MountPoint} type bpf ", StringComparison.Ordinal);
}
