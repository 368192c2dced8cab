using System.Numerics;
using System.Runtime.CompilerServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Per-CPU maps (PERCPU_ARRAY, PERCPU_HASH, LRU_PERCPU_HASH): a key holds one value per possible
/// CPU, which the kernel hands over as one buffer with each value rounded up to 8 bytes.
/// </summary>
public sealed unsafe partial class BpfMap
{
    private const int PerCpuHash = 5;
    private const int PerCpuArray = 6;
    private const int LruPerCpuHash = 10;

    /// <summary>Whether the map keeps a value per CPU for each key.</summary>
    public bool IsPerCpu => Type is PerCpuHash or PerCpuArray or LruPerCpuHash;

    /// <summary>The values at <paramref name="key"/>, one per possible CPU (index: CPU number); false when the map holds none.</summary>
    public bool TryLookupPerCpu<TKey, TValue>(TKey key, out TValue[] values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckPerCpu<TKey, TValue>();
        var (cpus, stride) = PerCpuLayout<TValue>();
        var buffer = new byte[cpus * stride];
        int result;
        fixed (byte* all = buffer)
            result = Libbpf.MapLookup(Live, &key, (nuint)sizeof(TKey), all, (nuint)buffer.Length, 0);
        if (result == -NoSuchEntry)
        {
            values = [];
            return false;
        }
        ThrowOnFailure(result, "look up per-CPU values in");
        values = new TValue[cpus];
        for (int cpu = 0; cpu < cpus; cpu++)
            values[cpu] = Unsafe.ReadUnaligned<TValue>(ref buffer[cpu * stride]);
        return true;
    }

    /// <summary>The values at <paramref name="key"/>, one per possible CPU; throws <see cref="KeyNotFoundException"/> when there are none.</summary>
    public TValue[] LookupPerCpu<TKey, TValue>(TKey key)
        where TKey : unmanaged
        where TValue : unmanaged =>
        TryLookupPerCpu(key, out TValue[] values) ? values : throw new KeyNotFoundException($"map '{Name}' has no entry at {key}");

    /// <summary>The sum over every CPU of an integer value at <paramref name="key"/> (e.g. a per-CPU counter); 0 when there is none.</summary>
    public TValue SumPerCpu<TKey, TValue>(TKey key)
        where TKey : unmanaged
        where TValue : unmanaged, INumber<TValue> =>
        TryLookupPerCpu(key, out TValue[] values) ? values.Aggregate(TValue.Zero, (sum, value) => sum + value) : TValue.Zero;

    /// <summary>Writes one value per possible CPU at <paramref name="key"/> (BPF_ANY).</summary>
    public void UpdatePerCpu<TKey, TValue>(TKey key, ReadOnlySpan<TValue> values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckPerCpu<TKey, TValue>();
        var (cpus, stride) = PerCpuLayout<TValue>();
        if (values.Length != cpus)
            throw new ArgumentException($"map '{Name}' takes a value per possible CPU: {cpus} values, not {values.Length}.", nameof(values));
        var buffer = new byte[cpus * stride];
        for (int cpu = 0; cpu < cpus; cpu++)
            Unsafe.WriteUnaligned(ref buffer[cpu * stride], values[cpu]);
        fixed (byte* all = buffer)
            ThrowOnFailure(Libbpf.MapUpdate(Live, &key, (nuint)sizeof(TKey), all, (nuint)buffer.Length, 0), "update per-CPU values of");
    }

    /// <summary>The name libbpf gives the map's type ("hash", "percpu_array", ...).</summary>
    public string TypeName => MapTypeName(Type);

    internal static string MapTypeName(int type)
    {
        var name = Libbpf.MapTypeString(type);
        return name == null ? $"type {type}" : new string((sbyte*)name);
    }

    private void CheckPerCpu<TKey, TValue>()
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        if (!IsPerCpu)
            throw new InvalidOperationException($"map '{Name}' is a {TypeName} map, which has one value per key, not one per CPU: use TryLookup.");
    }

    // The kernel's layout: every CPU's value starts at a multiple of 8 bytes.
    private static (int Cpus, int Stride) PerCpuLayout<TValue>()
        where TValue : unmanaged
    {
        var cpus = Libbpf.NumPossibleCpus();
        if (cpus <= 0)
            throw new BpfException($"libbpf cannot count the possible CPUs: {Errno.Describe(-cpus)}", -cpus, "");
        return (cpus, (sizeof(TValue) + 7) & ~7);
    }
}
