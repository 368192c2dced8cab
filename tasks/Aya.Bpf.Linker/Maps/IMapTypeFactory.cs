namespace Aya.Bpf.Linker.Maps;

/// <summary>Makes the debug-info types a map definition needs when the source gives none.</summary>
internal interface IMapTypeFactory
{
    /// <summary>An unsigned integer of 1, 2, 4 or 8 bytes, else an array of u64s or of bytes.</summary>
    MapTypeArgument OfSize(uint bytes);

    /// <summary>
    /// An LPM trie key, a struct the kernel insists on: the prefix length (u32) then the data, typed as
    /// <paramref name="data"/> when its size fits, else as bytes.
    /// </summary>
    MapTypeArgument LpmKey(MapTypeArgument? data, uint keySize);

    /// <summary>
    /// A cgroup storage key of 16 bytes, the struct the kernel insists on:
    /// <c>bpf_cgroup_storage_key { cgroup_inode_id: u64, attach_type: u32 }</c>.
    /// </summary>
    MapTypeArgument CgroupStorageKey();
}
