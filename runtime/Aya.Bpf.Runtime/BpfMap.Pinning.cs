using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Pinning a map under bpffs (e.g. /sys/fs/bpf/counts): the pin keeps the map alive after its
/// object is disposed, and another object can take the pinned map over (<see cref="SetPinPath"/>).
/// </summary>
public sealed unsafe partial class BpfMap
{
    /// <summary>Pins the loaded map at <paramref name="path"/> (a file under bpffs that does not exist yet).</summary>
    public void Pin(string path)
    {
        _owner.EnsureLoaded($"pinning map '{Name}'");
        var (result, log) = BpfObject.Call(() => Libbpf.MapPin(Live, path));
        if (result < 0)
            throw new BpfException($"cannot pin map '{Name}' at {path}: {Errno.Describe(-result)}", -result, log);
    }

    /// <summary>Removes the pin at <paramref name="path"/> (the map lives on while its object or another pin holds it).</summary>
    public void Unpin(string path)
    {
        var (result, log) = BpfObject.Call(() => Libbpf.MapUnpin(Live, path));
        if (result < 0)
            throw new BpfException($"cannot unpin map '{Name}' from {path}: {Errno.Describe(-result)}", -result, log);
    }

    /// <summary>
    /// Before load: the load reuses the map pinned at <paramref name="path"/> when there is one
    /// (its definition must match), and pins the map it creates there when there is none.
    /// </summary>
    public void SetPinPath(string path)
    {
        EnsureNotCreated(nameof(SetPinPath));
        var result = Libbpf.MapSetPinPath(Live, path);
        if (result < 0)
            throw new BpfException($"cannot set the pin path of map '{Name}' to {path}: {Errno.Describe(-result)}", -result, "");
    }
}
