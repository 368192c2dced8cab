using Aya.Bpf.Linker.Btf;
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
        b.Map("STORE", b.Type(BpfMapType.TaskStorage), b.Int("max_entries", 0), b.Int("map_flags", 0x10), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

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

    /// <summary>libbpf rounds a ring buffer's size up to a power-of-two multiple of the page size (e.g. 442368 to 524288).</summary>
    [TestMethod]
    [DataRow((uint)BpfMapType.Ringbuf, 1000u)]
    [DataRow((uint)BpfMapType.Ringbuf, 442368u)]
    [DataRow((uint)BpfMapType.UserRingbuf, 2048u)]
    [DataRow((uint)BpfMapType.Ringbuf, 0x8000_0000u)]
    public void RingBufferSizeThatLibbpfRoundsUpPasses(uint type, uint size)
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Int("type", type), b.Int("max_entries", size));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void RingBufferSizeThatCannotBeRoundedUpIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("EVENTS", b.Type(BpfMapType.Ringbuf), b.Int("max_entries", 0x8000_0001));

        MapAssert.Single(b.Validate(), "EVENTS",
            "map 'EVENTS': ringbuf max_entries 2147483649 has no power-of-two multiple of the page size (4096) above it that fits in 32 bits, which libbpf could round it up to.");
    }

    /// <summary>A loader sets a ring buffer's size before load; libbpf leaves 0 alone.</summary>
    [TestMethod]
    public void RingBufferOfSizeZeroPasses()
    {
        var b = new MapBtfBuilder();
        b.MapOfSize("EVENTS", BtfVarLinkage.GlobalAllocated, b.Type(BpfMapType.Ringbuf), b.Int("max_entries", 0));

        MapAssert.None(b.Validate());
    }

    /// <summary>aya's BTF ring buffer types its key as `()`: a key of no size is no key.</summary>
    [TestMethod]
    [DataRow((uint)BpfMapType.Ringbuf, false)]
    [DataRow((uint)BpfMapType.Queue, true)]
    [DataRow((uint)BpfMapType.Stack, true)]
    [DataRow((uint)BpfMapType.BloomFilter, true)]
    public void KeylessMapWithAZeroSizedKeyTypePasses(uint type, bool hasValue)
    {
        var b = new MapBtfBuilder();
        uint unit = b.Btf.Struct("unit", 0);
        (string, uint)[] value = hasValue ? [b.Pointer("value", b.U64)] : [];
        b.Map("M", [b.Int("type", type), b.Int("max_entries", 4096), b.Pointer("key", unit), .. value]);

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Hash)]
    [DataRow((uint)BpfMapType.Array)]
    [DataRow((uint)BpfMapType.LpmTrie)]
    [DataRow((uint)BpfMapType.Queue)]
    [DataRow((uint)BpfMapType.ProgArray)]
    [DataRow((uint)BpfMapType.Arena)]
    public void MaxEntriesZeroIsRefusedWhereTheKernelRefusesIt(uint type)
    {
        var b = new MapBtfBuilder();
        b.MapOfSize("M", BtfVarLinkage.GlobalAllocated, b.Int("type", type), b.Int("max_entries", 0), b.Int("map_flags", 1 | 1 << 10), b.Int("value_size", 8));

        Assert.IsTrue(b.Validate().Any(v => v.Message == $"map 'M': max_entries is 0; the kernel refuses to create {BpfMapTypes.NameOf(type)} maps without entries."),
            string.Join(" | ", b.Validate()));
    }

    /// <summary>libbpf makes a perf event array one entry per CPU; a loader sizes a ring buffer.</summary>
    [TestMethod]
    [DataRow((uint)BpfMapType.PerfEventArray)]
    [DataRow((uint)BpfMapType.Ringbuf)]
    public void MaxEntriesZeroPassesWhereTheLoaderSetsIt(uint type)
    {
        var b = new MapBtfBuilder();
        b.MapOfSize("M", BtfVarLinkage.GlobalAllocated, b.Int("type", type), b.Int("max_entries", 0));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.SkStorage, 0u, true)]
    [DataRow((uint)BpfMapType.CgroupStorage, 0u, true)]
    [DataRow((uint)BpfMapType.TaskStorage, 16u, false)]
    public void LocalStorageTakesNoMaxEntries(uint type, uint entries, bool passes)
    {
        var b = new MapBtfBuilder();
        b.Map("STORE", b.Int("type", type), b.Int("max_entries", entries), b.Int("map_flags", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        if (passes)
            MapAssert.None(b.Validate());
        else
            MapAssert.Single(b.Validate(), "STORE", $"map 'STORE': {BpfMapTypes.NameOf(type)} maps have no size of their own; the kernel requires max_entries 0 (it is {entries}).");
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Hash, "value_size 0")]
    [DataRow((uint)BpfMapType.Array, "no value")]
    [DataRow((uint)BpfMapType.BloomFilter, "zero-sized value")]
    public void AValueOfNoSizeIsRefusedWhereTheProgramDefinesIt(uint type, string how)
    {
        var b = new MapBtfBuilder();
        uint unit = b.Btf.Struct("unit", 0);
        (string, uint)[] value = how switch
        {
            "value_size 0" => [b.Int("value_size", 0)],
            "zero-sized value" => [b.Pointer("value", unit)],
            _ => [],
        };
        (string, uint)[] key = type == (uint)BpfMapType.BloomFilter ? [] : [b.Pointer("key", b.IntType)];
        b.Map("M", [b.Int("type", type), .. key, .. value]);

        MapAssert.Single(b.Validate(), "M",
            $"map 'M': {BpfMapTypes.NameOf(type)} maps need a value, but its size is 0; the kernel refuses value_size 0 (give 'value' a sized type, or 'value_size').");
    }
}
