using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Walking a loaded map's keys in the kernel's order (BPF_MAP_GET_NEXT_KEY). Entries written or
/// deleted meanwhile may or may not be seen; a hash walk whose current key is deleted restarts.
/// </summary>
public sealed unsafe partial class BpfMap
{
    /// <summary>Every key of the map (for an array: every index).</summary>
    public IEnumerable<TKey> Keys<TKey>()
        where TKey : unmanaged
    {
        _owner.EnsureLoaded($"map '{Name}'");
        CheckSize<TKey>("key", KeySize);
        return WalkKeys<TKey>();
    }

    /// <summary>Every entry of the map; a key deleted between reading it and its value is left out.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries<TKey, TValue>()
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        foreach (var key in WalkKeys<TKey>())
        {
            if (TryLookup(key, out TValue value))
                yield return new(key, value);
        }
    }

    private IEnumerable<TKey> WalkKeys<TKey>()
        where TKey : unmanaged
    {
        var (found, key) = NextKey<TKey>(null);
        while (found)
        {
            yield return key;
            (found, key) = NextKey<TKey>(key);
        }
    }

    // The first key when there is no current one; false once the walk is past the last key.
    private (bool Found, TKey Next) NextKey<TKey>(TKey? current)
        where TKey : unmanaged
    {
        TKey next = default;
        TKey at = current.GetValueOrDefault();
        var result = Libbpf.MapNextKey(Live, current.HasValue ? &at : null, &next, (nuint)sizeof(TKey));
        if (result == -NoSuchEntry)
            return (false, default);
        ThrowOnFailure(result, "walk the keys of");
        return (true, next);
    }
}
