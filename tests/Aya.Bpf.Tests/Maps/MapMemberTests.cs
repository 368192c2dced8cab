using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

/// <summary>The members of a map definition (parse_btf_map_def): names, integer encoding, key and value.</summary>
[TestClass]
public sealed class MapMemberTests
{
    [TestMethod]
    public void EveryKnownFieldIsAccepted()
    {
        var b = new MapBtfBuilder();
        b.Map(
            "ALL",
            b.Type(BpfMapType.Hash),
            b.Int("max_entries", 16),
            b.Int("map_flags", 1),
            b.Int("numa_node", 0),
            b.Int("key_size", 4),
            b.Pointer("key", b.IntType),
            b.Int("value_size", 8),
            b.Pointer("value", b.U64),
            b.Int("pinning", 1),
            b.Int("map_extra", 0));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void UnknownFieldIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Array), b.Int("foo", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': unknown field 'foo'.");
    }

    [TestMethod]
    public void UnnamedFieldIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Array), b.Pointer("value", b.U64), b.Int("", 1));

        MapAssert.Single(b.Validate(), "M", "map 'M': unknown field '' (field #2 has no name).");
    }

    [TestMethod]
    public void FieldWithAnInvalidNameOffsetIsRefused()
    {
        var b = new MapBtfBuilder();
        var type = b.Type(BpfMapType.Array);
        var entries = b.Int("max_entries", 1);
        var value = b.Pointer("value", b.U64);
        uint def = b.Btf.Add("", BtfKind.Struct, 4, false, 32,
            b.Btf.Str("type"), type.Type, 0, 0xffff, type.Type, 64, b.Btf.Str("max_entries"), entries.Type, 128, b.Btf.Str("value"), value.Type, 192);
        b.Entry(b.Btf.Var("M", def), 32);

        MapAssert.Single(b.Validate(), "M", "map 'M': invalid field #1.");
    }

    [TestMethod]
    [DataRow("type")]
    [DataRow("max_entries")]
    [DataRow("map_flags")]
    [DataRow("numa_node")]
    [DataRow("key_size")]
    [DataRow("value_size")]
    [DataRow("pinning")]
    public void IntegerFieldMustBeAPointer(string field)
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Queue), b.Pointer("value", b.U64), (field, b.IntType));

        MapAssert.Single(b.Validate(), "M", $"map 'M': attr '{field}': expected PTR, got int.");
    }

    [TestMethod]
    public void IntegerFieldMustPointToAnArray()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Queue), b.Pointer("max_entries", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': attr 'max_entries': expected ARRAY, got int.");
    }

    [TestMethod]
    public void IntegerFieldMayBeAModifiedPointerToAnyArray()
    {
        var b = new MapBtfBuilder();
        uint maxEntries = b.Btf.Const(b.Btf.Typedef("entries_t", b.Btf.Ptr(b.Btf.Array(b.U64, b.IntType, 64))));
        b.Map("M", b.Type(BpfMapType.Queue), ("max_entries", maxEntries), b.Pointer("value", b.U64));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void MapExtraMayBeAOneValueEnum()
    {
        var b = new MapBtfBuilder();
        uint ulong64 = b.Btf.Enum64("", ("map_extra", 0x1_0000_0000UL));
        b.Map("M", b.Type(BpfMapType.BloomFilter), ("map_extra", ulong64), b.Pointer("value", b.U64));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void MapExtraEnumNeedsExactlyOneValue()
    {
        var b = new MapBtfBuilder();
        uint two = b.Btf.Enum("", 4, false, ("a", 1), ("b", 2));
        b.Map("M", b.Type(BpfMapType.BloomFilter), ("map_extra", two), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': attr 'map_extra': invalid __ulong.");
    }

    [TestMethod]
    public void MapExtraMustBeAPointerOrAnEnum()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.BloomFilter), ("map_extra", b.U64), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': attr 'map_extra': expected ENUM or ENUM64, got int.");
    }

    [TestMethod]
    [DataRow("key")]
    [DataRow("value")]
    public void KeyAndValueMustBePointers(string field)
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Hash), (field, b.U64), field == "key" ? b.Pointer("value", b.U64) : b.Pointer("key", b.U64));

        MapAssert.Single(b.Validate(), "M", $"map 'M': {field} spec is not PTR: int.");
    }

    [TestMethod]
    public void KeyPointerBehindATypedefIsRefused()
    {
        var b = new MapBtfBuilder();
        uint keyPointer = b.Btf.Typedef("key_ptr", b.Btf.Ptr(b.IntType));
        b.Map("M", b.Type(BpfMapType.Hash), ("key", keyPointer), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': key spec is not PTR: typedef.");
    }

    [TestMethod]
    public void KeyMayPointToAModifiedStruct()
    {
        var b = new MapBtfBuilder();
        uint key = b.Btf.Const(b.Btf.Struct("flow", 12, ("src", b.IntType, 0), ("dst", b.IntType, 32), ("port", b.IntType, 64)));
        b.Map("M", b.Type(BpfMapType.Hash), b.Pointer("key", key), b.Int("key_size", 12), b.Pointer("value", b.U64));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void ValueMustHaveAKnownSize()
    {
        var b = new MapBtfBuilder();
        uint fwd = b.Btf.Fwd("opaque");
        b.Map("M", b.Type(BpfMapType.Hash), b.Pointer("key", b.IntType), b.Pointer("value", fwd));

        MapAssert.Single(b.Validate(), "M", $"map 'M': can't determine value size for type [{fwd}].");
    }

    [TestMethod]
    public void KeyMayNotPointToVoid()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Hash), b.Pointer("key", 0), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': can't determine key size for type [0].");
    }

    [TestMethod]
    public void KeyMayNotBeEmpty()
    {
        var b = new MapBtfBuilder();
        uint empty = b.Btf.Struct("unit", 0);
        b.Map("M", b.Type(BpfMapType.Hash), b.Pointer("key", empty), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': hash maps need a key, but its size is 0; the kernel refuses key_size 0 (give 'key' a sized type, or 'key_size').");
    }

    [TestMethod]
    public void KeyTypeMustExist()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Hash), ("key", 999), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': key type [999] not found.");
    }

    [TestMethod]
    public void KeySizeMustMatchTheKeyType()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Hash), b.Int("key_size", 8), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.Single(b.Validate(), "M", "map 'M': conflicting key size 8 != 4.");
    }

    [TestMethod]
    public void ValueSizeMustMatchTheValueType()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.Hash), b.Pointer("key", b.IntType), b.Pointer("value", b.U64), b.Int("value_size", 4));

        MapAssert.Single(b.Validate(), "M", "map 'M': conflicting value size 4 != 8.");
    }

    [TestMethod]
    public void SizesAloneAreEnough()
    {
        var b = new MapBtfBuilder();
        b.Map("M", b.Type(BpfMapType.PerfEventArray), b.Int("key_size", 4), b.Int("value_size", 4));

        MapAssert.None(b.Validate());
    }
}
