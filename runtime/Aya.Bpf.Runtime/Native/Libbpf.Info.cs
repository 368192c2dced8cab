using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>What the kernel says of a loaded program or map (its id, as bpftool lists it).</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "bpf_obj_get_info_by_fd")]
    public static partial int ObjectInfo(int fd, void* info, uint* infoLength);

    /// <summary>The start of <c>struct bpf_prog_info</c> and of <c>struct bpf_map_info</c>, alike: the kernel fills as much as it is given.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct InfoHead
    {
        public uint Type;
        public uint Id;
    }

    /// <summary>The kernel's id of the program or map behind <paramref name="fd"/>; a negative errno on failure.</summary>
    public static long KernelId(int fd)
    {
        var head = default(InfoHead);
        var length = (uint)sizeof(InfoHead);
        var result = ObjectInfo(fd, &head, &length);
        return result < 0 ? result : head.Id;
    }
}
