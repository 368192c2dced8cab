// RuntimeBenchmark, the C# side of tests/benchmarks/runtime/run (each mode mirrors a C program there):
//   RuntimeBenchmark maps <object> <map> <operations>    (map_ops.c)
//   RuntimeBenchmark ringbuf <object> <records>          (ringbuf_consume.c)
// Each prints "<figure> <ns per operation>" lines.
using System.Globalization;
using Aya.Bpf.Runtime;

return args switch
{
    ["maps", var objectPath, var mapName, var count] => MapBenchmark.Run(objectPath, mapName, Parse(count)),
    ["ringbuf", var objectPath, var count] => RingBufferBenchmark.Run(objectPath, Parse(count)),
    _ => Usage(),
};

static long Parse(string count) => long.Parse(count, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: RuntimeBenchmark maps <object> <map> <operations> | ringbuf <object> <records>");
    return 2;
}

/// <summary>COUNTERS' value in maps-btf.bpf.o.</summary>
internal struct Counter
{
    public ulong Packets;
    public ulong Bytes;
}
