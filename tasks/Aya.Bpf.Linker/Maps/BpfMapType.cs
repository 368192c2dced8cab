namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// enum bpf_map_type of include/uapi/linux/bpf.h, with its numbers. <see cref="Unspec"/> (0) is not a
/// valid map type; the kernel names are in <see cref="BpfMapTypes"/>.
/// </summary>
internal enum BpfMapType : uint
{
    Unspec = 0,
    Hash = 1,
    Array = 2,
    ProgArray = 3,
    PerfEventArray = 4,
    PercpuHash = 5,
    PercpuArray = 6,
    StackTrace = 7,
    CgroupArray = 8,
    LruHash = 9,
    LruPercpuHash = 10,
    LpmTrie = 11,
    ArrayOfMaps = 12,
    HashOfMaps = 13,
    Devmap = 14,
    Sockmap = 15,
    Cpumap = 16,
    Xskmap = 17,
    Sockhash = 18,

    /// <summary>BPF_MAP_TYPE_CGROUP_STORAGE, renamed BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED in 6.2.</summary>
    CgroupStorage = 19,
    ReuseportSockarray = 20,

    /// <summary>BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE, renamed ..._DEPRECATED in 6.2.</summary>
    PercpuCgroupStorage = 21,
    Queue = 22,
    Stack = 23,
    SkStorage = 24,
    DevmapHash = 25,
    StructOps = 26,
    Ringbuf = 27,
    InodeStorage = 28,
    TaskStorage = 29,
    BloomFilter = 30,
    UserRingbuf = 31,
    CgrpStorage = 32,
    Arena = 33,
}

/// <summary>Which of a map's key and value types the program chooses; the rest are fixed by the kernel (an fd, an index, a u32...).</summary>
[Flags]
internal enum BpfMapUserTypes
{
    None = 0,
    Key = 1,
    Value = 2,
    KeyAndValue = Key | Value,
}
