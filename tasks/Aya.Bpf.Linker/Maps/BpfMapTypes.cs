using System.Numerics;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The facts of every known map type (kernel/bpf/*.c map_alloc_check and map_check_btf, libbpf's
/// map_type_name), looked up by number.
/// </summary>
internal static class BpfMapTypes
{
    /// <summary>BPF_F_NO_PREALLOC, the map_flags bit lpm_trie and the local storage maps require.</summary>
    public const uint NoPreallocFlag = 1;

    /// <summary>The page size assumed for ring buffer sizes (x86-64, arm64 with 4K pages).</summary>
    public const uint PageSize = 4096;

    private const BpfMapUserTypes None = BpfMapUserTypes.None;
    private const BpfMapUserTypes Key = BpfMapUserTypes.Key;
    private const BpfMapUserTypes Value = BpfMapUserTypes.Value;
    private const BpfMapUserTypes Both = BpfMapUserTypes.KeyAndValue;

    private static readonly BpfMapTypeInfo[] Table =
    [
        new(BpfMapType.Hash, "hash", true, true, Both, false),
        new(BpfMapType.Array, "array", true, true, Value, false),
        new(BpfMapType.ProgArray, "prog_array", true, true, None, false),
        new(BpfMapType.PerfEventArray, "perf_event_array", true, true, None, false),
        new(BpfMapType.PercpuHash, "percpu_hash", true, true, Both, false),
        new(BpfMapType.PercpuArray, "percpu_array", true, true, Value, false),
        new(BpfMapType.StackTrace, "stack_trace", true, true, None, false),
        new(BpfMapType.CgroupArray, "cgroup_array", true, true, None, false),
        new(BpfMapType.LruHash, "lru_hash", true, true, Both, false),
        new(BpfMapType.LruPercpuHash, "lru_percpu_hash", true, true, Both, false),
        new(BpfMapType.LpmTrie, "lpm_trie", true, true, Both, true),
        new(BpfMapType.ArrayOfMaps, "array_of_maps", true, true, None, false),
        new(BpfMapType.HashOfMaps, "hash_of_maps", true, true, None, false),
        new(BpfMapType.Devmap, "devmap", true, true, None, false),
        new(BpfMapType.Sockmap, "sockmap", true, true, None, false),
        new(BpfMapType.Cpumap, "cpumap", true, true, None, false),
        new(BpfMapType.Xskmap, "xskmap", true, true, None, false),
        new(BpfMapType.Sockhash, "sockhash", true, true, Key, false),
        new(BpfMapType.CgroupStorage, "cgroup_storage", true, true, Value, false),
        new(BpfMapType.ReuseportSockarray, "reuseport_sockarray", true, true, None, false),
        new(BpfMapType.PercpuCgroupStorage, "percpu_cgroup_storage", true, true, Value, false),
        new(BpfMapType.Queue, "queue", false, true, Value, false),
        new(BpfMapType.Stack, "stack", false, true, Value, false),
        new(BpfMapType.SkStorage, "sk_storage", true, true, Value, true),
        new(BpfMapType.DevmapHash, "devmap_hash", true, true, None, false),
        new(BpfMapType.StructOps, "struct_ops", true, true, None, false),
        new(BpfMapType.Ringbuf, "ringbuf", false, false, None, false),
        new(BpfMapType.InodeStorage, "inode_storage", true, true, Value, true),
        new(BpfMapType.TaskStorage, "task_storage", true, true, Value, true),
        new(BpfMapType.BloomFilter, "bloom_filter", false, true, Value, false),
        new(BpfMapType.UserRingbuf, "user_ringbuf", false, false, None, false),
        new(BpfMapType.CgrpStorage, "cgrp_storage", true, true, Value, true),
        new(BpfMapType.Arena, "arena", false, false, None, false),
    ];

    /// <summary>Every known map type, in number order.</summary>
    public static IReadOnlyList<BpfMapTypeInfo> All => Table;

    /// <summary>The highest map type number known here.</summary>
    public static BpfMapType Newest => BpfMapType.Arena;

    /// <summary>True for 1 (hash) to <see cref="Newest"/>; 0 (unspec) is not a map type.</summary>
    public static bool IsKnown(uint value) => value >= 1 && value <= (uint)Newest;

    /// <summary>The facts for <paramref name="value"/>; false when it is not a known map type.</summary>
    public static bool TryGet(uint value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BpfMapTypeInfo? info)
    {
        info = IsKnown(value) ? Table[value - 1] : null;
        return info is not null;
    }

    /// <summary>The facts for a known map type; throws for <see cref="BpfMapType.Unspec"/> and numbers past <see cref="Newest"/>.</summary>
    public static BpfMapTypeInfo Get(BpfMapType type) =>
        TryGet((uint)type, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(type), type, "not a known map type");

    /// <summary>The kernel name of <paramref name="value"/>, or <c>unknown map type N</c>.</summary>
    public static string NameOf(uint value) => TryGet(value, out var info) ? info.KernelName : $"unknown map type {value}";

    /// <summary>The kernel's ring buffer size rule: a power-of-two multiple of the page size (so 0 is refused).</summary>
    public static bool IsValidRingBufferSize(uint maxEntries) =>
        maxEntries != 0 && maxEntries % PageSize == 0 && BitOperations.IsPow2(maxEntries / PageSize);

    /// <summary>The smallest valid ring buffer size not below <paramref name="maxEntries"/> (what libbpf rounds up to), or null when none fits in 32 bits. libbpf leaves 0 as is.</summary>
    public static uint? RingBufferSizeAtLeast(uint maxEntries)
    {
        for (ulong size = PageSize; size <= uint.MaxValue; size <<= 1)
        {
            if (size >= maxEntries)
            {
                return (uint)size;
            }
        }

        return null;
    }
}

/// <summary>C# 14 extension members, so the facts read as members of <see cref="BpfMapType"/>.</summary>
internal static class BpfMapTypeExtensions
{
    extension(BpfMapType)
    {
        /// <summary>See <see cref="BpfMapTypes.IsKnown"/>.</summary>
        public static bool IsKnown(uint value) => BpfMapTypes.IsKnown(value);
    }

    extension(BpfMapType type)
    {
        /// <summary>The facts of a known type (throws for unspec and unknown numbers).</summary>
        public BpfMapTypeInfo Info => BpfMapTypes.Get(type);

        /// <summary>The kernel's name, or <c>unknown map type N</c>.</summary>
        public string KernelName => BpfMapTypes.NameOf((uint)type);
    }
}
