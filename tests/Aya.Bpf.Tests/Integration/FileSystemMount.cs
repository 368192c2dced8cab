namespace Aya.Bpf.Tests.Integration;

/// <summary>A kernel file system the tests need mounted (bpffs for pins, tracefs for tracepoints), mounted once if `mount` does not list it.</summary>
internal sealed class FileSystemMount(string type, string mountPoint)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();

    public string MountPoint => mountPoint;

    /// <summary>Mounts it unless `mount` already lists one of its type there.</summary>
    public void EnsureMounted()
    {
        lock (_gate)
        {
            ProcessResult mounts = ChildProcess.Run("mount", [], CommandTimeout);
            // A line of `mount` reads "bpf on /sys/fs/bpf type bpf (rw,...)".
            if (mounts.StandardOutput.Split('\n').Any(line => line.Contains($" on {mountPoint} type {type} ", StringComparison.Ordinal)))
            {
                return;
            }

            ProcessResult mount = ChildProcess.Run("mount", ["-t", type, type == "bpf" ? "bpf" : "nodev", mountPoint], CommandTimeout);
            if (!mount.Succeeded)
            {
                throw new InvalidOperationException($"mount -t {type} {mountPoint} failed:{Environment.NewLine}{mount.Output}");
            }
        }
    }
}
