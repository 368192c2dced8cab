using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Aya.Bpf.Runtime.Native;

/// <summary>An open <c>struct bpf_object</c>; closing it unloads its programs and maps (unless pinned).</summary>
internal sealed class BpfObjectHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    /// <summary>The object file's bytes when it was opened from memory: libbpf reads them until close, so they are freed after it.</summary>
    internal unsafe void* ObjectBuffer { get; set; }

    protected override unsafe bool ReleaseHandle()
    {
        Libbpf.ObjectClose(handle);
        NativeMemory.Free(ObjectBuffer);
        ObjectBuffer = null;
        return true;
    }
}

/// <summary>An attachment (<c>struct bpf_link</c>); destroying it detaches the program.</summary>
internal sealed class BpfLinkHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => Libbpf.LinkDestroy(handle) == 0;
}

/// <summary>
/// A libbpf reader that calls back into .NET: the context its callbacks receive is freed only after
/// the reader, which can call back until then.
/// </summary>
internal abstract class CallbackReaderHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    internal GCHandle Context { get; set; }

    protected sealed override bool ReleaseHandle()
    {
        FreeReader(handle);
        if (Context.IsAllocated)
            Context.Free();
        return true;
    }

    private protected abstract void FreeReader(nint reader);
}

/// <summary>A ring buffer reader (<c>struct ring_buffer</c>) over a map's fd.</summary>
internal sealed class RingBufferHandle : CallbackReaderHandle
{
    private protected override void FreeReader(nint reader) => Libbpf.RingBufferFree(reader);
}

/// <summary>A perf event array reader (<c>struct perf_buffer</c>): a perf ring per CPU.</summary>
internal sealed class PerfBufferHandle : CallbackReaderHandle
{
    private protected override void FreeReader(nint reader) => Libbpf.PerfBufferFree(reader);
}
