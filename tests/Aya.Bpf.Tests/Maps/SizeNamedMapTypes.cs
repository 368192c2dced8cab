using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

/// <summary>Map types named after their size, like the real factory, without LLVM (no debug-info node behind them).</summary>
internal sealed class SizeNamedMapTypes : IMapTypeFactory
{
    public static readonly MapTypeArgument U32 = new("u32", default, 4);

    public MapTypeArgument OfSize(uint bytes) => bytes == 4 ? U32 : new($"u{bytes * 8}", default, bytes);

    public MapTypeArgument LpmKey(MapTypeArgument? data, uint keySize) => new($"lpm_key_{data?.Name ?? "bytes"}", default, keySize);

    public MapTypeArgument CgroupStorageKey() => new("bpf_cgroup_storage_key", default, 16);
}
