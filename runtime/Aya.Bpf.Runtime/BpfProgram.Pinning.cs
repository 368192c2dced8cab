using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>Pinning a loaded program under bpffs: the pin keeps it loaded after its object is disposed.</summary>
public sealed unsafe partial class BpfProgram
{
    /// <summary>Pins the loaded program at <paramref name="path"/> (a file under bpffs that does not exist yet).</summary>
    public void Pin(string path)
    {
        _owner.EnsureLoaded($"pinning program '{Name}'");
        var (result, log) = BpfObject.Call(() => Libbpf.ProgramPin(_program, path));
        if (result < 0)
            throw new BpfException($"cannot pin program '{Name}' at {path}: {Errno.Describe(-result)}", -result, log);
    }

    /// <summary>Removes the program's pin at <paramref name="path"/>.</summary>
    public void Unpin(string path)
    {
        _owner.EnsureLoaded($"unpinning program '{Name}'");
        var (result, log) = BpfObject.Call(() => Libbpf.ProgramUnpin(_program, path));
        if (result < 0)
            throw new BpfException($"cannot unpin program '{Name}' from {path}: {Errno.Describe(-result)}", -result, log);
    }
}
