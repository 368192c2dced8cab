using Microsoft.Win32.SafeHandles;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>An opened (and maybe loaded) <c>struct bpf_object</c>; closing it unloads what it loaded.</summary>
internal sealed class BpfObjectHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibbpfApi.Close(handle);
        return true;
    }
}

/// <summary>An attachment (<c>struct bpf_link</c>); destroying it detaches the program.</summary>
internal sealed class BpfLinkHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => LibbpfApi.DestroyLink(handle) == 0;
}

/// <summary>A ring buffer reader (<c>struct ring_buffer</c>) over a map's fd.</summary>
internal sealed class RingBufferHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibbpfApi.RingBufferFree(handle);
        return true;
    }
}
