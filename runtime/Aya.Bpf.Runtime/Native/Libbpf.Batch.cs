using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>Walking a map's keys, and the batch calls that read, write or delete many entries at once.</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "bpf_map__get_next_key")]
    public static partial int MapNextKey(nint map, void* key, void* nextKey, nuint keySize);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_batch")]
    public static partial int MapLookupBatch(int mapFd, void* inBatch, void* outBatch, void* keys, void* values, uint* count, BatchOptions* options);

    [LibraryImport(Library, EntryPoint = "bpf_map_update_batch")]
    public static partial int MapUpdateBatch(int mapFd, void* keys, void* values, uint* count, BatchOptions* options);

    [LibraryImport(Library, EntryPoint = "bpf_map_delete_batch")]
    public static partial int MapDeleteBatch(int mapFd, void* keys, uint* count, BatchOptions* options);

    /// <summary>libbpf's <c>struct bpf_map_batch_opts</c> (24 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BatchOptions
    {
        public nuint Size;
        public ulong ElementFlags;
        public ulong Flags;
    }
}
