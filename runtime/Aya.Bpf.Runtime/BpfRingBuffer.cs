using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>Reads a ring buffer map (BPF_MAP_TYPE_RINGBUF): the records of every CPU, in the order they were submitted.</summary>
public sealed unsafe class BpfRingBuffer : BpfEventBuffer
{
    private const int RingBufferType = 27;
    private readonly RingBufferHandle _reader;
    private readonly BpfMap _map;
    private RingBufferMemory? _memory;

    /// <summary>Opens a reader of <paramref name="map"/>, a loaded ring buffer map.</summary>
    public BpfRingBuffer(BpfMap map)
        : base(RequireType(map).Name)
    {
        _map = map;
        var mapFd = map.Fd;
        _reader = new RingBufferHandle();
        var context = GCHandle.Alloc(Sink);
        var (errorCode, log) = BpfObject.Call(() =>
        {
            Marshal.InitHandle(_reader, Libbpf.RingBufferNew(mapFd, &Collect, GCHandle.ToIntPtr(context), 0));
            return _reader.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
        });
        if (_reader.IsInvalid)
        {
            context.Free();
            throw new BpfException($"cannot read ring buffer {map.Name}: {Errno.Describe(errorCode)}", errorCode, log);
        }
        _reader.Context = context;
    }

    /// <summary>
    /// Hands every record waiting now to <paramref name="handler"/> in place, without copying it or
    /// waiting for more (records are read from the ring's memory as the kernel wrote them); returns
    /// how many were handed. The span is valid only during the call.
    /// </summary>
    public int Consume(BpfRecordHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var reader = new RingBufferMemory.DelegateReader(handler);
        return Consume(ref reader);
    }

    /// <summary>As <see cref="Consume(BpfRecordHandler)"/>, through a struct reader (the fastest: C's speed).</summary>
    public int Consume<TReader>(ref TReader reader)
        where TReader : struct, IBpfRecordReader
    {
        EnterReader();
        try
        {
            _memory ??= RingBufferMemory.Map(_map);
            return _memory.Consume(ref reader);
        }
        finally
        {
            ExitReader();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _memory?.Dispose();
            _reader.Dispose();
        }
    }

    private protected override int PollNative(int timeoutMilliseconds) => Libbpf.RingBufferPoll(_reader, timeoutMilliseconds);

    private protected override int ConsumeNative() => Libbpf.RingBufferConsume(_reader);

    private static BpfMap RequireType(BpfMap map) =>
        map.Type == RingBufferType ? map : throw new ArgumentException($"map '{map.Name}' is a {map.TypeName} map, not a ring buffer.", nameof(map));

    [UnmanagedCallersOnly]
    private static int Collect(nint context, byte* data, nuint size)
    {
        var sink = (EventSink)GCHandle.FromIntPtr(context).Target!;
        try
        {
            sink.Add(new ReadOnlySpan<byte>(data, checked((int)size)));
            return 0;
        }
        catch (Exception e)
        {
            // A non-zero result stops libbpf's reading; the poll's caller gets the exception.
            sink.Fail(e);
            return -1;
        }
    }
}
