using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// A TC classifier attached as a filter of an interface's clsact qdisc (TC has no BPF link in
/// libbpf 1.1). Disposing it removes the filter, and the qdisc too when the attach created it.
/// The kernel keeps a filter that is never removed, after this process too: dispose it.
/// </summary>
public sealed unsafe class BpfTcAttachment : IDisposable
{
    private const int AlreadyExists = 17;
    private readonly Libbpf.TcHook _hook;
    private readonly uint _handle;
    private readonly uint _priority;
    private readonly bool _createdHook;
    private bool _disposed;

    private BpfTcAttachment(Libbpf.TcHook hook, uint handle, uint priority, bool createdHook, string description)
    {
        _hook = hook;
        _handle = handle;
        _priority = priority;
        _createdHook = createdHook;
        Description = description;
    }

    /// <summary>What was attached where, e.g. "program 'count' to TC ingress of interface 1".</summary>
    public string Description { get; }

    /// <summary>The filter's handle and priority, as <c>tc filter show</c> lists them.</summary>
    public (uint Handle, uint Priority) Filter => (_handle, _priority);

    /// <summary>Whether this attach created the interface's clsact qdisc (and so its disposal removes it).</summary>
    public bool CreatedQdisc => _createdHook;

    internal static BpfTcAttachment Attach(BpfProgram program, int programFd, int interfaceIndex, BpfTcDirection direction)
    {
        var description = $"program '{program.Name}' to TC {direction.ToString().ToLowerInvariant()} of interface {interfaceIndex}";
        var hook = new Libbpf.TcHook { Size = (nuint)sizeof(Libbpf.TcHook), InterfaceIndex = interfaceIndex, AttachPoint = (int)direction };
        var hookAt = &hook;
        var (created, createLog) = BpfObject.Call(() => Libbpf.TcHookCreate(hookAt));
        if (created < 0 && created != -AlreadyExists)
            throw new BpfException($"cannot attach {description}: no clsact qdisc: {Errno.Describe(-created)}", -created, createLog);
        var createdHook = created == 0;
        var filter = new Libbpf.TcOptions { Size = (nuint)sizeof(Libbpf.TcOptions), ProgramFd = programFd };
        var filterAt = &filter;
        var (attached, attachLog) = BpfObject.Call(() => Libbpf.TcAttach(hookAt, filterAt));
        if (attached < 0)
        {
            if (createdHook)
                DestroyHook(hook);
            throw new BpfException($"cannot attach {description}: {Errno.Describe(-attached)}", -attached, attachLog);
        }
        return new BpfTcAttachment(hook, filter.Handle, filter.Priority, createdHook, description);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        var hook = _hook;
        // bpf_tc_detach names the filter by handle and priority alone (the program's fd must be 0).
        var filter = new Libbpf.TcOptions { Size = (nuint)sizeof(Libbpf.TcOptions), Handle = _handle, Priority = _priority };
        var detached = Libbpf.TcDetach(&hook, &filter);
        if (_createdHook)
            DestroyHook(hook);
        else if (detached < 0)
            throw new BpfException($"cannot detach {Description}: {Errno.Describe(-detached)}", -detached, "");
    }

    public override string ToString() => Description;

    // Both directions at once removes the clsact qdisc itself, with whatever filters remain on it.
    private static void DestroyHook(Libbpf.TcHook hook)
    {
        hook.AttachPoint = (int)(BpfTcDirection.Ingress | BpfTcDirection.Egress);
        _ = Libbpf.TcHookDestroy(&hook);
    }
}
