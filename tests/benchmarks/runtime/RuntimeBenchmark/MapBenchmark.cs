using System.Diagnostics;
using System.Globalization;
using Aya.Bpf.Runtime;

/// <summary>
/// Times updates and as many lookups of a 16-byte value under u32 keys 0..63 through a typed BpfMap,
/// as map_ops.c does over libbpf. A first, untimed pass lets the JIT settle.
/// </summary>
internal static class MapBenchmark
{
    public static int Run(string objectPath, string mapName, long operations)
    {
        using var bpf = BpfObject.Open(objectPath);
        bpf.Load();
        var map = new BpfMap<uint, Counter>(bpf.Map(mapName));
        _ = Measure(map, Math.Min(operations, 20_000));
        var (update, lookup, checksum) = Measure(map, operations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"update {update:F1}\nlookup {lookup:F1}\nchecksum {checksum}"));
        return 0;
    }

    private static (double Update, double Lookup, ulong Checksum) Measure(BpfMap<uint, Counter> map, long operations)
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
}
