namespace Aya.Bpf.Runtime;

/// <summary>
/// A map whose key and value types are known (a skeleton declares them from the object's BTF):
/// the same calls as <see cref="BpfMap"/> without naming the types at each one.
/// </summary>
public sealed class BpfMap<TKey, TValue>
    where TKey : unmanaged
    where TValue : unmanaged
{
    public BpfMap(BpfMap map) => Map = map;

    /// <summary>The untyped map, for what only it offers (its type, pinning, per-CPU reads...).</summary>
    public BpfMap Map { get; }

    public string Name => Map.Name;

    public int MaxEntries => Map.MaxEntries;

    /// <summary>The value at <paramref name="key"/>; false when the map holds none.</summary>
    public bool TryLookup(TKey key, out TValue value) => Map.TryLookup(key, out value);

    /// <summary>The value at <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public TValue Lookup(TKey key) =>
        TryLookup(key, out var value) ? value : throw new KeyNotFoundException($"map '{Name}' has no entry for key {key}.");

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/>, creating or replacing it.</summary>
    public void Update(TKey key, TValue value) => Map.Update(key, value);

    /// <summary>Removes the entry at <paramref name="key"/>; false when there was none.</summary>
    public bool Delete(TKey key) => Map.Delete(key);

    /// <summary>Every key, as the kernel walks them.</summary>
    public IEnumerable<TKey> Keys() => Map.Keys<TKey>();

    /// <summary>Every entry, as the kernel walks them (an entry deleted meanwhile is skipped).</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => Map.Entries<TKey, TValue>();
}
