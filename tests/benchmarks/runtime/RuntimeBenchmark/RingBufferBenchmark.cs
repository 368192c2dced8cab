using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;

/// <summary>
/// As ringbuf_consume.c: grows runtime-events' EVENTS ring buffer to hold the records, has
/// number_runs write them (a repeated test run), then times one read that takes them all, through
/// BpfRingBuffer's in-place Consume, and, for comparison, through its copying Consume().
/// </summary>
internal static class RingBufferBenchmark
{
    private static readonly Checksum Sum = new();

    public static int Run(string objectPath, long records)
    {
        var reader = new SumReader();
        // Untimed first rounds let the JIT settle (tiered compilation recompiles hot loops).
        for (var round = 0; round < 3; round++)
            _ = Measure(objectPath, Math.Min(records, 50_000), ring => ring.Consume(ref reader));
        var inPlace = Measure(objectPath, records, ring => ring.Consume(ref reader));
        var handler = Measure(objectPath, records, ring => ring.Consume(Sum.Add));
        var copied = Measure(objectPath, records, ring => ring.Consume().Sum(record => { Sum.Add(record); return 1; }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ringbuf {inPlace:F1}\nringbuf-delegate {handler:F1}\nringbuf-copied {copied:F1}\nchecksum {Sum.Value + reader.Value}"));
        return 0;
    }

    private static double Measure(string objectPath, long records, Func<BpfRingBuffer, int> read)
    {
        using var bpf = BpfObject.Open(objectPath);
        var events = bpf.Map("EVENTS");
        var size = 4096;
        while (size < records * 16)
            size *= 2;
        events.SetMaxEntries(size);
        bpf.Load();
        // The reader is made first, as a C reader's ring_buffer__new is before its poll loop.
        using var ring = new BpfRingBuffer(events);
        _ = ring.Consume(Sum.Add);
        bpf.Program("number_runs").TestRun(new byte[64], checked((int)records));
        var clock = Stopwatch.StartNew();
        var taken = read(ring);
        var elapsed = clock.Elapsed.TotalNanoseconds;
        if (taken != records)
            throw new InvalidOperationException($"received {taken} of {records} records");
        return elapsed / records;
    }

    // The struct reader: the JIT compiles the ring's read loop for it, with Read inlined.
    private struct SumReader : IBpfRecordReader
    {
        public ulong Value;

        public void Read(ReadOnlySpan<byte> record) => Value += MemoryMarshal.Read<ulong>(record);
    }

    // An instance method: a delegate over one is called directly, one over a static method through a thunk.
    private sealed class Checksum
    {
        public ulong Value { get; private set; }

        public void Add(ReadOnlySpan<byte> record) => Value += MemoryMarshal.Read<ulong>(record);
    }
}
