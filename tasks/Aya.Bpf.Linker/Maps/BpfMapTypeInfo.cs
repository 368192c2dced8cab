namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// What the linker needs to know about one map type.
/// </summary>
/// <param name="Type">The map type.</param>
/// <param name="KernelName">The kernel's (and libbpf's, bpftool's) name: <c>hash</c>, <c>lru_percpu_hash</c>, <c>ringbuf</c>...</param>
/// <param name="HasKey">False when the kernel requires key_size 0 (queue, stack, bloom filter, ring buffers, arena).</param>
/// <param name="HasValue">False when the kernel requires value_size 0 (ring buffers, arena).</param>
/// <param name="UserTypes">Which of key and value the program defines; the others are fixed by the kernel.</param>
/// <param name="RequiresNoPrealloc">True when map creation fails without BPF_F_NO_PREALLOC in map_flags (lpm_trie, local storage maps).</param>
internal sealed record BpfMapTypeInfo(
    BpfMapType Type,
    string KernelName,
    bool HasKey,
    bool HasValue,
    BpfMapUserTypes UserTypes,
    bool RequiresNoPrealloc)
{
    /// <summary>ringbuf and user_ringbuf: max_entries is the buffer size, a power-of-two multiple of the page size.</summary>
    public bool IsRingBuffer => Type is BpfMapType.Ringbuf or BpfMapType.UserRingbuf;

    /// <summary>array_of_maps and hash_of_maps: the value is an inner map (its definition in <c>values</c>).</summary>
    public bool IsMapInMap => Type is BpfMapType.ArrayOfMaps or BpfMapType.HashOfMaps;

    /// <summary>The types that may have a <c>values</c> member: map-in-map and prog_array.</summary>
    public bool AcceptsValues => IsMapInMap || Type is BpfMapType.ProgArray;

    /// <summary>What the kernel's map creation requires of max_entries, and who else may set it.</summary>
    public MaxEntriesRule MaxEntries => Type switch
    {
        // A loader sizes a ring buffer before load (libbpf leaves 0 for the kernel to refuse if none
        // does), libbpf makes a perf event array one entry per CPU, and sizes a struct_ops map itself.
        BpfMapType.Ringbuf or BpfMapType.UserRingbuf or BpfMapType.PerfEventArray or BpfMapType.StructOps => MaxEntriesRule.SetAtLoad,
        // Storage attached to kernel objects has no size of its own.
        BpfMapType.SkStorage or BpfMapType.InodeStorage or BpfMapType.TaskStorage or BpfMapType.CgrpStorage
            or BpfMapType.CgroupStorage or BpfMapType.PercpuCgroupStorage => MaxEntriesRule.Zero,
        _ => MaxEntriesRule.AtLeastOne,
    };
}

internal enum MaxEntriesRule
{
    /// <summary>The kernel refuses 0.</summary>
    AtLeastOne,

    /// <summary>The kernel requires 0.</summary>
    Zero,

    /// <summary>Any value in the object: the loader or libbpf sets it before the kernel sees it.</summary>
    SetAtLoad,
}
