using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Reads a perf event array map (BPF_MAP_TYPE_PERF_EVENT_ARRAY): a perf ring per CPU, each in its
/// own order. A full ring loses samples, which the kernel reports later and <see cref="LostSamples"/> counts.
/// </summary>
public sealed unsafe class BpfPerfEventBuffer : BpfEventBuffer
{
    private const int PerfEventArrayType = 4;
    private readonly PerfBufferHandle _reader;

    /// <summary>Opens a reader of <paramref name="map"/>, a loaded perf event array, with rings of <paramref name="pagesPerCpu"/> pages (a power of 2).</summary>
    public BpfPerfEventBuffer(BpfMap map, int pagesPerCpu = 8)
        : base(RequireType(map).Name)
    {
        if (pagesPerCpu <= 0 || !int.IsPow2(pagesPerCpu))
            throw new ArgumentOutOfRangeException(nameof(pagesPerCpu), pagesPerCpu, "a perf ring's pages are a power of 2");
        var mapFd = map.Fd;
        _reader = new PerfBufferHandle();
        var context = GCHandle.Alloc(Sink);
        var (errorCode, log) = BpfObject.Call(() =>
        {
            Marshal.InitHandle(_reader, Libbpf.PerfBufferNew(mapFd, (nuint)pagesPerCpu, &Collect, &CountLost, GCHandle.ToIntPtr(context), 0));
            return _reader.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
        });
        if (_reader.IsInvalid)
        {
            context.Free();
            throw new BpfException($"cannot read perf event array {map.Name}: {Errno.Describe(errorCode)}", errorCode, log);
        }
        _reader.Context = context;
    }

    /// <summary>The samples the kernel reported lost (a ring was full), over every CPU, so far.</summary>
    public long LostSamples => Sink.Lost;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _reader.Dispose();
    }

    private protected override int PollNative(int timeoutMilliseconds) => Libbpf.PerfBufferPoll(_reader, timeoutMilliseconds);

    private protected override int ConsumeNative() => Libbpf.PerfBufferConsume(_reader);

    private static BpfMap RequireType(BpfMap map) =>
        map.Type == PerfEventArrayType ? map : throw new ArgumentException($"map '{map.Name}' is a {map.TypeName} map, not a perf event array.", nameof(map));

    [UnmanagedCallersOnly]
    private static void Collect(nint context, int cpu, byte* data, uint size)
    {
        var sink = (EventSink)GCHandle.FromIntPtr(context).Target!;
        try
        {
            sink.Add(new ReadOnlySpan<byte>(data, checked((int)size)));
        }
        catch (Exception e)
        {
            sink.Fail(e);
        }
    }

    [UnmanagedCallersOnly]
    private static void CountLost(nint context, int cpu, ulong count)
    {
        var sink = (EventSink)GCHandle.FromIntPtr(context).Target!;
        try
        {
            sink.AddLost(count);
        }
        catch (Exception e)
        {
            sink.Fail(e);
        }
    }
}
