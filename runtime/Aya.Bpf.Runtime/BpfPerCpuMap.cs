namespace Aya.Bpf.Runtime;

/// <summary>
/// A per-CPU map whose key and value types are known (a skeleton declares them from BTF): a key
/// holds one value per possible CPU, indexed by CPU number.
/// </summary>
public sealed class BpfPerCpuMap<TKey, TValue>
    where TKey : unmanaged
    where TValue : unmanaged
{
    public BpfPerCpuMap(BpfMap map) => Map = map;

    /// <summary>The untyped map, for what only it offers (pinning, batch calls...).</summary>
    public BpfMap Map { get; }

    public string Name => Map.Name;

    public int MaxEntries => Map.MaxEntries;

    /// <summary>The values at <paramref name="key"/>, one per possible CPU; false when the map holds none.</summary>
    public bool TryLookup(TKey key, out TValue[] values) => Map.TryLookupPerCpu(key, out values);

    /// <summary>The values at <paramref name="key"/>, one per possible CPU; throws <see cref="KeyNotFoundException"/> when there are none.</summary>
    public TValue[] Lookup(TKey key) => Map.LookupPerCpu<TKey, TValue>(key);

    /// <summary>Writes one value per possible CPU at <paramref name="key"/>.</summary>
    public void Update(TKey key, ReadOnlySpan<TValue> values) => Map.UpdatePerCpu(key, values);

    public bool Delete(TKey key) => Map.Delete(key);

    public IEnumerable<TKey> Keys() => Map.Keys<TKey>();
}
