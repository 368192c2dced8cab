using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>Changing a map's definition between <see cref="BpfObject.Open(string)"/> and <see cref="BpfObject.Load"/>.</summary>
public sealed unsafe partial class BpfMap
{
    /// <summary>Before load: the map is created with room for <paramref name="maxEntries"/> entries (for a ring buffer: bytes, a power of 2 pages).</summary>
    public void SetMaxEntries(int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        EnsureNotCreated(nameof(SetMaxEntries));
        var result = Libbpf.MapSetMaxEntries(Live, (uint)maxEntries);
        if (result < 0)
            throw new BpfException($"cannot set the max entries of map '{Name}' to {maxEntries}: {Errno.Describe(-result)}", -result, "");
    }

    /// <summary>Before load: the map is created with values of <paramref name="valueSize"/> bytes.</summary>
    public void SetValueSize(int valueSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueSize);
        EnsureNotCreated(nameof(SetValueSize));
        var result = Libbpf.MapSetValueSize(Live, (uint)valueSize);
        if (result < 0)
            throw new BpfException($"cannot set the value size of map '{Name}' to {valueSize}: {Errno.Describe(-result)}", -result, "");
    }

    // libbpf would only say EBUSY: the map exists in the kernel with the definition it was created with.
    private void EnsureNotCreated(string call)
    {
        _ = Live;
        if (_owner.IsLoaded)
            throw new InvalidOperationException($"map '{Name}' is already created in the kernel: call {call} after BpfObject.Open and before BpfObject.Load.");
    }
}
