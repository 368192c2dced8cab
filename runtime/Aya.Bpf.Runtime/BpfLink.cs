using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// A program attached to its hook (libbpf's <c>struct bpf_link</c>). Disposing it detaches the
/// program, unless the link is pinned: a pinned link stays attached until its pin is removed.
/// </summary>
public sealed class BpfLink : IDisposable
{
    private readonly BpfLinkHandle _handle;

    internal BpfLink(BpfLinkHandle handle, string description)
    {
        _handle = handle;
        Description = description;
    }

    /// <summary>What was attached where, e.g. "program 'count' to tracepoint syscalls/sys_enter_getppid".</summary>
    public string Description { get; }

    /// <summary>Pins the link at <paramref name="path"/> (a file under bpffs): it stays attached after this process.</summary>
    public void Pin(string path)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var (result, log) = BpfObject.Call(() => Libbpf.LinkPin(_handle, path));
        if (result < 0)
            throw new BpfException($"cannot pin the link of {Description} at {path}: {Errno.Describe(-result)}", -result, log);
    }

    /// <summary>Removes the link's pin; disposing the link then detaches the program.</summary>
    public void Unpin()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var (result, log) = BpfObject.Call(() => Libbpf.LinkUnpin(_handle));
        if (result < 0)
            throw new BpfException($"cannot unpin the link of {Description}: {Errno.Describe(-result)}", -result, log);
    }

    public void Dispose() => _handle.Dispose();

    public override string ToString() => Description;
}
