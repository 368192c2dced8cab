using System.Runtime.CompilerServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>Takes one record of a ring buffer, in place: the span is valid only during the call.</summary>
public delegate void BpfRecordHandler(ReadOnlySpan<byte> record);

/// <summary>
/// Takes records of a ring buffer in place, as a struct: the JIT compiles the read loop for each
/// such struct and inlines <see cref="Read"/>, the fastest way to take millions of records.
/// </summary>
public interface IBpfRecordReader
{
    /// <summary>One record; the span is valid only during the call.</summary>
    void Read(ReadOnlySpan<byte> record);
}

/// <summary>
/// A ring buffer map mapped into this process, read in place as the kernel lays it out: a page
/// holding the consumer position (which the reader advances), a page holding the producer position,
/// then the data, mapped twice in a row so that a record that wraps reads as one span. Each record
/// has an 8-byte header (its length, with a busy and a discard bit) and is padded to 8 bytes.
/// </summary>
internal sealed unsafe class RingBufferMemory : IDisposable
{
    private const uint BusyBit = 1u << 31;
    private const uint DiscardBit = 1u << 30;
    private const int HeaderSize = 8;
    private readonly MappedMemoryHandle _consumer;
    private readonly MappedMemoryHandle _producer;
    private readonly ulong _mask;

    private RingBufferMemory(MappedMemoryHandle consumer, MappedMemoryHandle producer, ulong size)
    {
        _consumer = consumer;
        _producer = producer;
        _mask = size - 1;
    }

    public static RingBufferMemory Map(BpfMap map)
    {
        var page = (nuint)Libbpf.PageSize;
        var size = (ulong)map.MaxEntries;
        var consumer = MappedMemoryHandle.Map(map.Fd, page, writable: true, out var errorCode)
            ?? throw new BpfException($"cannot map ring buffer {map.Name}'s consumer page: {Errno.Describe(errorCode)}", errorCode, "");
        var producer = MappedMemoryHandle.Map(map.Fd, page + (nuint)(2 * size), writable: false, out errorCode, offset: (nint)page);
        if (producer is null)
        {
            consumer.Dispose();
            throw new BpfException($"cannot map ring buffer {map.Name}'s data: {Errno.Describe(errorCode)}", errorCode, "");
        }
        return new RingBufferMemory(consumer, producer, size);
    }

    /// <summary>Hands every record submitted so far to <paramref name="reader"/>, skipping discarded ones; the count handed.</summary>
    // Optimised at once: a reader calls this a few times over millions of records, too few calls for tiering to reach it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Consume<TReader>(ref TReader reader)
        where TReader : struct, IBpfRecordReader
    {
        var consumerPosition = (ulong*)_consumer.DangerousGetHandle();
        var producerPosition = (ulong*)_producer.DangerousGetHandle();
        var data = (byte*)_producer.DangerousGetHandle() + Libbpf.PageSize;
        var handed = 0;
        var position = Volatile.Read(ref *consumerPosition);
        while (true)
        {
            var produced = Volatile.Read(ref *producerPosition);
            if (position >= produced)
                return handed;
            // Everything below the producer position read once; then the position is read again for more.
            while (position < produced)
            {
                var header = data + (position & _mask);
                var length = Volatile.Read(ref *(uint*)header);
                // Reserved and not yet submitted: it and everything after it wait for the next read.
                if ((length & BusyBit) != 0)
                    return handed;
                var size = length & ~(BusyBit | DiscardBit);
                if ((length & DiscardBit) == 0)
                {
                    reader.Read(new ReadOnlySpan<byte>(header + HeaderSize, (int)size));
                    handed++;
                }
                position += (size + HeaderSize + 7) & ~7UL;
                // Released only after the record is read: the kernel may then reuse its space.
                Volatile.Write(ref *consumerPosition, position);
            }
        }
    }

    /// <summary>A delegate as a reader, for <see cref="BpfRingBuffer.Consume(BpfRecordHandler)"/>.</summary>
    public readonly struct DelegateReader(BpfRecordHandler handler) : IBpfRecordReader
    {
        public void Read(ReadOnlySpan<byte> record) => handler(record);
    }

    public void Dispose()
    {
        _producer.Dispose();
        _consumer.Dispose();
    }
}
