using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

/// <summary>Rules that follow from the map type: known type, pinning, absent key/value, flags, ring buffer size.</summary>
[TestClass]
public sealed class MapTypeRuleTests
{
    [TestMethod]
    public void MissingTypeIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': map type isn't specified.");
    }

    [TestMethod]
    public void TypeZeroIsUnspecified()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Int("type", 0), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': map type isn't specified.");
    }

    [TestMethod]
    public void UnknownTypeIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Int("type", 34), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': unknown map type 34 (known types are 1 to 33).");
    }

    [TestMethod]
    public void NewestTypeIsKnown()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Arena), b.Int("max_entries", 10), b.Int("map_flags", 1 << 10));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    [DataRow(0u)]
    [DataRow(1u)]
    public void PinningNoneOrByNamePasses(uint pinning)
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Array), b.Pointer("key", b.IntType), b.Pointer("value", b.U64), b.Int("pinning", pinning));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void OtherPinningIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Array), b.Pointer("key", b.IntType), b.Pointer("value", b.U64), b.Int("pinning", 2));

        MapAssert.Single(b.Validate(), "M", "map 'M': invalid pinning value 2.");
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Queue)]
    [DataRow((uint)BpfMapType.Stack)]
    [DataRow((uint)BpfMapType.BloomFilter)]
    public void KeylessMapWithValuePasses(uint type)
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Int("type", type), b.Int("max_entries", 32), b.Int("key_size", 0), b.Pointer("value", b.U64));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void KeylessMapWithKeyIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Queue), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M",
            "map 'M': queue maps have no key, but a key of 4 bytes is given; the kernel requires key_size 0 (drop 'key' and 'key_size').");
    }

    [TestMethod]
    public void KeylessMapWithKeySizeIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.BloomFilter), b.Int("key_size", 4), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M",
            "map 'M': bloom_filter maps have no key, but a key of 4 bytes is given; the kernel requires key_size 0 (drop 'key' and 'key_size').");
    }

    [TestMethod]
    public void RingBufferWithoutKeyOrValuePasses()
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Type(BpfMapType.Ringbuf), b.Int("max_entries", 256 * 1024), b.Int("value_size", 0));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void RingBufferWithValueIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Type(BpfMapType.Ringbuf), b.Int("max_entries", 4096), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "EVENTS",
            "map 'EVENTS': ringbuf maps have no value, but a value of 8 bytes is given; the kernel requires value_size 0 (drop 'value' and 'value_size').");
    }

    [TestMethod]
    public void LpmTrieWithNoPreallocPasses()
    {
        var b = new MapBtfBuilder();
        b.Map("ROUTES", b.Type(BpfMapType.LpmTrie), b.Int("max_entries", 64), b.Int("map_flags", 1), b.Pointer("key", b.U64), b.Pointer("value", b.IntType));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void LpmTrieWithoutNoPreallocIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("ROUTES", b.Type(BpfMapType.LpmTrie), b.Int("max_entries", 64), b.Pointer("key", b.U64), b.Pointer("value", b.IntType));

        MapAssert.Single(b.Validate(), "ROUTES", "map 'ROUTES': lpm_trie maps require BPF_F_NO_PREALLOC (1) in map_flags (map_flags is 0x0).");
    }

    [TestMethod]
    public void TaskStorageWithOtherFlagsOnlyIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("STORE", b.Type(BpfMapType.TaskStorage), b.Int("map_flags", 0x10), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "STORE", "map 'STORE': task_storage maps require BPF_F_NO_PREALLOC (1) in map_flags (map_flags is 0x10).");
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Ringbuf, 4096u)]
    [DataRow((uint)BpfMapType.Ringbuf, 64u * 4096)]
    [DataRow((uint)BpfMapType.UserRingbuf, 1024u * 4096)]
    public void RingBufferSizeThatIsAPowerOfTwoNumberOfPagesPasses(uint type, uint size)
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Int("type", type), b.Int("max_entries", size));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Ringbuf, 1000u, " (the next valid size is 4096)")]
    [DataRow((uint)BpfMapType.Ringbuf, 3u * 4096, " (the next valid size is 16384)")]
    [DataRow((uint)BpfMapType.UserRingbuf, 2048u, " (the next valid size is 4096)")]
    public void RingBufferSizeOffThePowerOfTwoPagesIsRefused(uint type, uint size, string hint)
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Int("type", type), b.Int("max_entries", size));

        MapAssert.Single(b.Validate(), "EVENTS",
            $"map 'EVENTS': {BpfMapTypes.NameOf(type)} max_entries {size} is not a power-of-two multiple of the page size (4096){hint}.");
    }

    [TestMethod]
    public void RingBufferWithoutMaxEntriesIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Type(BpfMapType.Ringbuf));

        MapAssert.Single(b.Validate(), "EVENTS", "map 'EVENTS': ringbuf max_entries 0 is not a power-of-two multiple of the page size (4096).");
    }
}
