using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>Map key and value types made as debug info, so LLVM describes them in BTF.</summary>
internal sealed class DebugInfoMapTypes(DebugInfoBuilder builder) : IMapTypeFactory
{
    private readonly Dictionary<uint, MapTypeArgument> _bySize = [];

    public MapTypeArgument OfSize(uint bytes)
    {
        if (_bySize.TryGetValue(bytes, out var known))
            return known;
        // Other sizes are arrays: of u64 when they divide evenly (a stack trace's frames), else of bytes.
        var type = bytes switch
        {
            1 or 2 or 4 or 8 => new MapTypeArgument($"u{bytes * 8}", builder.UnsignedType($"u{bytes * 8}", bytes * 8UL), bytes),
            _ when bytes % 8 == 0 => new MapTypeArgument($"[u64; {bytes / 8}]", builder.Array(OfSize(8).Type, bytes / 8, 64), bytes),
            _ => new MapTypeArgument($"[u8; {bytes}]", builder.Array(OfSize(1).Type, bytes, 8), bytes),
        };
        _bySize[bytes] = type;
        return type;
    }

    public MapTypeArgument CgroupStorageKey()
    {
        var members = new[]
        {
            builder.Member("cgroup_inode_id", 64, 0, OfSize(8).Type),
            builder.Member("attach_type", 32, 64, OfSize(4).Type),
        };
        const string name = "bpf_cgroup_storage_key";
        return new MapTypeArgument(name, builder.Struct(name, CgroupStorageKeySize * 8UL, members), CgroupStorageKeySize);
    }

    /// <summary>sizeof(struct bpf_cgroup_storage_key): its two members and the padding after the u32.</summary>
    public const uint CgroupStorageKeySize = 16;

    public MapTypeArgument LpmKey(MapTypeArgument? data, uint keySize)
    {
        var prefix = OfSize(4);
        var payload = data ?? OfSize(keySize - (uint)prefix.SizeInBytes);
        var members = new[]
        {
            builder.Member("prefix_len", 32, 0, prefix.Type),
            builder.Member("data", payload.SizeInBytes * 8UL, 32, payload.Type),
        };
        var name = $"lpm_key_{payload.Name}";
        return new MapTypeArgument(name, builder.Struct(name, keySize * 8UL, members), keySize);
    }
}
