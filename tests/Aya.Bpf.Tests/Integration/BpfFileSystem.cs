namespace Aya.Bpf.Tests.Integration;

/// <summary>The bpffs mount that pinned programs live in.</summary>
internal static class BpfFileSystem
{
    private static readonly FileSystemMount Mount = new("bpf", "/sys/fs/bpf");

    public static string MountPoint => Mount.MountPoint;

    /// <summary>Mounts bpffs at /sys/fs/bpf unless `mount` already lists one there.</summary>
    public static void EnsureMounted() => Mount.EnsureMounted();
}
