using System.Runtime.CompilerServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// A map of a <see cref="BpfObject"/>, read and written with unmanaged key and value types of its
/// sizes. (libbpf is loaded once the object is open, so these calls go to it directly.)
/// </summary>
public sealed unsafe partial class BpfMap
{
    private const int NoSuchEntry = 2;
    private readonly BpfObject _owner;
    private readonly nint _map;

    internal BpfMap(BpfObject owner, nint map, string name)
    {
        _owner = owner;
        _map = map;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The kernel's map type number (1 hash, 2 array, 27 ring buffer...).</summary>
    public int Type => Libbpf.MapType(Live);

    public int KeySize => (int)Libbpf.MapKeySize(Live);

    public int ValueSize => (int)Libbpf.MapValueSize(Live);

    public int MaxEntries => (int)Libbpf.MapMaxEntries(Live);

    /// <summary>The loaded map's file descriptor (owned by its object).</summary>
    public int Fd
    {
        get
        {
            _owner.EnsureLoaded($"map '{Name}'");
            return Libbpf.MapFd(Live);
        }
    }

    /// <summary>The value at <paramref name="key"/>; false when the map holds none.</summary>
    public bool TryLookup<TKey, TValue>(TKey key, out TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        TValue found = default;
        var result = Libbpf.MapLookup(Live, &key, (nuint)sizeof(TKey), &found, (nuint)sizeof(TValue), 0);
        value = found;
        if (result == -NoSuchEntry)
            return false;
        ThrowOnFailure(result, "look up a value in");
        return true;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/> (BPF_ANY: created or replaced).</summary>
    public void Update<TKey, TValue>(TKey key, TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        ThrowOnFailure(Libbpf.MapUpdate(Live, &key, (nuint)sizeof(TKey), &value, (nuint)sizeof(TValue), 0), "update");
    }

    /// <summary>Removes the entry at <paramref name="key"/>; false when there was none.</summary>
    public bool Delete<TKey>(TKey key)
        where TKey : unmanaged
    {
        CheckSize<TKey>("key", KeySize);
        var result = Libbpf.MapDelete(Live, &key, (nuint)sizeof(TKey), 0);
        if (result == -NoSuchEntry)
            return false;
        ThrowOnFailure(result, "delete from");
        return true;
    }

    private nint Live
    {
        get
        {
            _ = _owner.Raw;
            return _map;
        }
    }

    private void CheckSizes<TKey, TValue>()
        where TKey : unmanaged
        where TValue : unmanaged
    {
        _owner.EnsureLoaded($"map '{Name}'");
        CheckSize<TKey>("key", KeySize);
        CheckSize<TValue>("value", ValueSize);
    }

    // libbpf would refuse the call with EINVAL alone; the sizes say what is wrong.
    private void CheckSize<T>(string what, int expected)
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() != expected)
            throw new ArgumentException($"map '{Name}' has {what}s of {expected} bytes; {typeof(T).Name} is {Unsafe.SizeOf<T>()} bytes.");
    }

    private void ThrowOnFailure(int result, string what)
    {
        if (result < 0)
            throw new BpfException($"cannot {what} map '{Name}': {Errno.Describe(-result)}", -result, "");
    }
}
