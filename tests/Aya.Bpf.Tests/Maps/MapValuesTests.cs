using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

/// <summary><c>values</c>: inner map definitions of map-in-map, program slots of prog arrays.</summary>
[TestClass]
public sealed class MapValuesTests
{
    [TestMethod]
    [DataRow((uint)BpfMapType.ArrayOfMaps)]
    [DataRow((uint)BpfMapType.HashOfMaps)]
    public void MapInMapWithInnerDefinitionPasses(uint type)
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Map("OUTER", b.Int("type", type), b.Int("max_entries", 4), b.Pointer("key", b.IntType), b.Values(inner));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void ProgArrayWithFunctionPrototypePasses()
    {
        var b = new MapBtfBuilder();
        uint proto = b.Btf.Proto(b.IntType, ("ctx", b.Btf.Ptr(0)));
        b.Map("JUMPS", b.Type(BpfMapType.ProgArray), b.Int("max_entries", 8), b.Int("key_size", 4), b.Values(proto));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void ValuesMustBeLast()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Values(inner), b.Int("max_entries", 4));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER': 'values' member should be last.");
    }

    [TestMethod]
    public void ValuesOnlyForMapInMapAndProgArray()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array));
        b.Map("OUTER", b.Type(BpfMapType.Hash), b.Pointer("key", b.IntType), b.Values(inner));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER': should be map-in-map or prog-array.");
    }

    [TestMethod]
    public void ValuesMustBeAZeroLengthArray()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array));
        uint values = b.Btf.Array(b.Btf.Ptr(inner), b.IntType, 2);
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), ("values", values));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER': map-in-map inner spec is not a zero-sized array.");
    }

    [TestMethod]
    public void ValuesMustBeAnArrayOfPointers()
    {
        var b = new MapBtfBuilder();
        uint values = b.Btf.Array(b.IntType, b.IntType, 0);
        b.Map("JUMPS", b.Type(BpfMapType.ProgArray), ("values", values));

        MapAssert.Single(b.Validate(), "JUMPS", "map 'JUMPS': prog-array value def is of unexpected kind int.");
    }

    [TestMethod]
    public void MapInMapValuesMustPointToAStruct()
    {
        var b = new MapBtfBuilder();
        uint proto = b.Btf.Proto(b.IntType);
        b.Map("OUTER", b.Type(BpfMapType.HashOfMaps), b.Pointer("key", b.IntType), b.Values(proto));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER': map-in-map inner def is of unexpected kind func_proto.");
    }

    [TestMethod]
    public void ProgArrayValuesMustPointToAFunctionPrototype()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array));
        b.Map("JUMPS", b.Type(BpfMapType.ProgArray), b.Values(inner));

        MapAssert.Single(b.Validate(), "JUMPS", "map 'JUMPS': prog-array value def is of unexpected kind struct.");
    }

    [TestMethod]
    public void ValuesMeanAValueSizeOfFour()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Int("value_size", 8), b.Values(inner));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER': conflicting value size 8 != 4.");
    }

    [TestMethod]
    public void ValueSizeFourWithValuesPasses()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Int("value_size", 4), b.Values(inner));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void InnerDefinitionFollowsTheSameRulesUnderTheOuterName()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("value", b.U64), b.Int("foo", 1));
        uint outer = b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Values(inner));

        var violation = Assert.ContainsSingle(b.Validate());

        Assert.AreEqual(new MapViolation("OUTER", outer, "map 'OUTER.inner': unknown field 'foo'."), violation);
    }

    [TestMethod]
    public void InnerDefinitionNeedsAType()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Int("max_entries", 1));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Values(inner));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER.inner': map type isn't specified.");
    }

    [TestMethod]
    public void InnerDefinitionCannotBePinned()
    {
        var b = new MapBtfBuilder();
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("value", b.U64), b.Int("pinning", 1));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Values(inner));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER.inner': inner def can't be pinned.");
    }

    [TestMethod]
    public void InnerDefinitionCannotHaveItsOwnInnerMap()
    {
        var b = new MapBtfBuilder();
        uint innermost = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("value", b.U64));
        uint inner = b.Def(b.Type(BpfMapType.ArrayOfMaps), b.Int("max_entries", 1), b.Values(innermost));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Values(inner));

        MapAssert.Single(b.Validate(), "OUTER", "map 'OUTER.inner': multi-level inner maps not supported.");
    }
}
