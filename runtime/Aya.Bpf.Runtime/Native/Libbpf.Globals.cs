using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>What global data needs: a map's flags, and mapping a loaded array map's value into memory.</summary>
internal static unsafe partial class Libbpf
{
    /// <summary>BPF_F_MMAPABLE: the map's value can be mapped into user memory (libbpf sets it on global data maps).</summary>
    public const uint MapFlagMmapable = 1 << 10;

    public const int ProtRead = 1;
    public const int ProtWrite = 2;
    public const int MapShared = 1;

    [LibraryImport(Library, EntryPoint = "bpf_map__map_flags")]
    public static partial uint MapFlags(nint map);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint MemoryMap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    public static partial int MemoryUnmap(nint address, nuint length);

    /// <summary>mmap's failure value, MAP_FAILED.</summary>
    public static readonly nint MapFailed = -1;

    public static int PageSize => Environment.SystemPageSize;
}
