// RuntimeBenchmark <object> <map> <operations>: times <operations> updates and as many lookups of a
// 16-byte value under u32 keys 0..63 through a typed BpfMap, as map_ops.c does over libbpf, and
// prints "update <ns per op>" and "lookup <ns per op>". A first, untimed pass lets the JIT settle.
using System.Diagnostics;
using System.Globalization;
using Aya.Bpf.Runtime;

if (args is not [var objectPath, var mapName, var count])
{
    Console.Error.WriteLine("usage: RuntimeBenchmark <object> <map> <operations>");
    return 2;
}
var operations = long.Parse(count, CultureInfo.InvariantCulture);
using var bpf = BpfObject.Open(objectPath);
bpf.Load();
var map = new BpfMap<uint, Counter>(bpf.Map(mapName));
_ = Measure(map, Math.Min(operations, 20_000));
var (update, lookup, checksum) = Measure(map, operations);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"update {update:F1}\nlookup {lookup:F1}\nchecksum {checksum}"));
return 0;

static (double Update, double Lookup, ulong Checksum) Measure(BpfMap<uint, Counter> map, long operations)
{
    var value = new Counter { Packets = 1, Bytes = 2 };
    var clock = Stopwatch.StartNew();
    for (long i = 0; i < operations; i++)
    {
        value.Packets = (ulong)i;
        map.Update((uint)(i & 63), value);
    }
    var updated = clock.Elapsed.TotalNanoseconds;
    ulong sum = 0;
    for (long i = 0; i < operations; i++)
    {
        if (!map.TryLookup((uint)(i & 63), out var found))
            throw new InvalidOperationException("lookup failed");
        sum += found.Packets;
    }
    var lookedUp = clock.Elapsed.TotalNanoseconds;
    return (updated / operations, (lookedUp - updated) / operations, sum);
}

internal struct Counter
{
    public ulong Packets;
    public ulong Bytes;
}
