using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;
using LibbpfCalls = Aya.Bpf.Runtime.Native.Libbpf;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>Takes every record waiting in a ring buffer map, through libbpf's reader, as userspace reads them.</summary>
internal static unsafe class RingBufferRecords
{
    public static IReadOnlyList<byte[]> Drain(int mapFd)
    {
        var records = new List<byte[]>();
        var target = GCHandle.Alloc(records);
        try
        {
            using var reader = new RingBufferHandle();
            Marshal.InitHandle(reader, LibbpfCalls.RingBufferNew(mapFd, &Collect, GCHandle.ToIntPtr(target), 0));
            Assert.IsFalse(reader.IsInvalid, $"libbpf could not read ring buffer fd {mapFd} (errno {Marshal.GetLastPInvokeError()})");
            int consumed = LibbpfCalls.RingBufferConsume(reader);
            Assert.IsGreaterThanOrEqualTo(0, consumed, $"ring_buffer__consume: {consumed}");
            return records;
        }
        finally
        {
            target.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int Collect(nint context, byte* data, nuint size)
    {
        ((List<byte[]>)GCHandle.FromIntPtr(context).Target!).Add(new ReadOnlySpan<byte>(data, checked((int)size)).ToArray());
        return 0;
    }
}
