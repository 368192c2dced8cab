using Microsoft.Win32.SafeHandles;

namespace Aya.Bpf.Runtime.Native;

/// <summary>An open <c>struct bpf_object</c>; closing it unloads its programs and maps (unless pinned).</summary>
internal sealed class BpfObjectHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        Libbpf.ObjectClose(handle);
        return true;
    }
}

/// <summary>An attachment (<c>struct bpf_link</c>); destroying it detaches the program.</summary>
internal sealed class BpfLinkHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => Libbpf.LinkDestroy(handle) == 0;
}

/// <summary>A ring buffer reader (<c>struct ring_buffer</c>) over a map's fd.</summary>
internal sealed class RingBufferHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        Libbpf.RingBufferFree(handle);
        return true;
    }
}
