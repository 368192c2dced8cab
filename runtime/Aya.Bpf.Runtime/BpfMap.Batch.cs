using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Batch calls (BPF_MAP_*_BATCH): many entries per system call. Not every map type has them (an
/// array cannot delete, a ring buffer has none); those throw <see cref="NotSupportedException"/>.
/// </summary>
public sealed unsafe partial class BpfMap
{
    // The kernel's ENOTSUPP (an errno of its own, beyond userspace's list): the map type lacks the call.
    private const int KernelNotSupported = 524;
    private const int NoSpace = 28;
    private const int NotSupported = 95;

    /// <summary>Every entry of the map, read <paramref name="batchSize"/> at a time.</summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> LookupBatch<TKey, TValue>(int batchSize = 64)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckBatch<TKey, TValue>();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var entries = new List<KeyValuePair<TKey, TValue>>();
        // The kernel's position between calls: a bucket index for a hash, a key for an array.
        var positions = new byte[2 * Math.Max(KeySize, sizeof(ulong))];
        var started = false;
        while (true)
        {
            var keys = new TKey[batchSize];
            var values = new TValue[batchSize];
            var count = (uint)batchSize;
            int result;
            fixed (byte* position = positions)
            fixed (TKey* keyAt = keys)
            fixed (TValue* valueAt = values)
            {
                var options = BatchOptions();
                var inBatch = started ? position : null;
                var outBatch = position + (positions.Length / 2);
                result = Libbpf.MapLookupBatch(Libbpf.MapFd(Live), inBatch, outBatch, keyAt, valueAt, &count, &options);
                new Span<byte>(outBatch, positions.Length / 2).CopyTo(new Span<byte>(position, positions.Length / 2));
            }
            if (result == -NoSpace && count == 0)
            {
                // One hash bucket holds more entries than a batch: ask again with room for them.
                batchSize *= 2;
                continue;
            }
            if (result < 0 && result != -NoSuchEntry)
                ThrowOnBatchFailure(result, "lookup");
            for (int i = 0; i < count; i++)
                entries.Add(new(keys[i], values[i]));
            if (result == -NoSuchEntry)
                return entries;
            started = true;
        }
    }

    /// <summary>Writes <paramref name="values"/> at <paramref name="keys"/> (BPF_ANY), in one call; returns how many were written.</summary>
    public int UpdateBatch<TKey, TValue>(ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckBatch<TKey, TValue>();
        if (keys.Length != values.Length)
            throw new ArgumentException($"{keys.Length} keys and {values.Length} values: a batch update takes a value per key.", nameof(values));
        var count = (uint)keys.Length;
        int result;
        fixed (TKey* keyAt = keys)
        fixed (TValue* valueAt = values)
        {
            var options = BatchOptions();
            result = Libbpf.MapUpdateBatch(Libbpf.MapFd(Live), keyAt, valueAt, &count, &options);
        }
        if (result < 0)
            ThrowOnBatchFailure(result, "update", $" ({count} of {keys.Length} written)");
        return (int)count;
    }

    /// <summary>Deletes the entries at <paramref name="keys"/>, in one call; returns how many were deleted.</summary>
    public int DeleteBatch<TKey>(ReadOnlySpan<TKey> keys)
        where TKey : unmanaged
    {
        _owner.EnsureLoaded($"map '{Name}'");
        CheckSize<TKey>("key", KeySize);
        var count = (uint)keys.Length;
        int result;
        fixed (TKey* keyAt = keys)
        {
            var options = BatchOptions();
            result = Libbpf.MapDeleteBatch(Libbpf.MapFd(Live), keyAt, &count, &options);
        }
        if (result < 0)
            ThrowOnBatchFailure(result, "delete", $" ({count} of {keys.Length} deleted)");
        return (int)count;
    }

    private static Libbpf.BatchOptions BatchOptions() => new() { Size = (nuint)sizeof(Libbpf.BatchOptions) };

    private void CheckBatch<TKey, TValue>()
        where TKey : unmanaged
        where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        if (IsPerCpu)
            throw new NotSupportedException($"map '{Name}' is a {TypeName} map: batch calls over per-CPU values are not supported here; use LookupPerCpu.");
    }

    private void ThrowOnBatchFailure(int result, string call, string progress = "")
    {
        if (result is -KernelNotSupported or -NotSupported)
            throw new NotSupportedException($"map '{Name}' is a {TypeName} map, which has no batch {call} in this kernel: {Errno.Describe(-result)}");
        throw new BpfException($"cannot batch-{call} map '{Name}'{progress}: {Errno.Describe(-result)}", -result, "");
    }
}
