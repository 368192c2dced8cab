using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>
/// Reading a ring buffer map (ring_buffer__*) and a perf event array (perf_buffer__*). The
/// readers go in as SafeHandles, so that a reader disposed during a poll is freed only after it.
/// </summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "ring_buffer__poll")]
    public static partial int RingBufferPoll(RingBufferHandle ringBuffer, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "perf_buffer__new", SetLastError = true)]
    public static partial nint PerfBufferNew(
        int mapFd,
        nuint pageCount,
        delegate* unmanaged<nint, int, byte*, uint, void> sample,
        delegate* unmanaged<nint, int, ulong, void> lost,
        nint context,
        nint options);

    [LibraryImport(Library, EntryPoint = "perf_buffer__poll")]
    public static partial int PerfBufferPoll(PerfBufferHandle perfBuffer, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "perf_buffer__consume")]
    public static partial int PerfBufferConsume(PerfBufferHandle perfBuffer);

    [LibraryImport(Library, EntryPoint = "perf_buffer__free")]
    public static partial void PerfBufferFree(nint perfBuffer);
}
