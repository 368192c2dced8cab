using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Maps;

/// <summary>The VAR in <c>.maps</c> and its definition STRUCT (bpf_object__init_user_btf_map).</summary>
[TestClass]
public sealed class MapDefinitionShapeTests
{
    [TestMethod]
    public void HashMapWithKeyAndValuePasses()
    {
        var b = new MapBtfBuilder();
        b.Map("COUNTS", b.Type(BpfMapType.Hash), b.Int("max_entries", 1024), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void NoMapsSectionMeansNothingToCheck()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint v = b.Var("COUNTER", i, BtfVarLinkage.Static);
        b.Datasec(".data", 4, (v, 0, 4));

        Assert.IsEmpty(MapBtfValidator.Validate(b.Read()));
    }

    [TestMethod]
    public void EveryMapIsCheckedAndReportedUnderItsName()
    {
        var b = new MapBtfBuilder();
        uint first = b.Map("FIRST", b.Int("max_entries", 1));
        b.Map("GOOD", b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        uint third = b.Map("THIRD", b.Type(BpfMapType.Array), b.Pointer("value", b.U64), b.Int("colour", 3));

        var violations = b.Validate();

        Assert.HasCount(2, violations);
        Assert.AreEqual(new MapViolation("FIRST", first, "map 'FIRST': map type isn't specified."), violations[0]);
        Assert.AreEqual(new MapViolation("THIRD", third, "map 'THIRD': unknown field 'colour'."), violations[1]);
    }

    [TestMethod]
    public void StaticMapIsRefusedLikeLibbpf()
    {
        var b = new MapBtfBuilder();
        b.Map("LOCAL", BtfVarLinkage.Static, b.Type(BpfMapType.Hash), b.Pointer("key", b.IntType), b.Pointer("value", b.IntType));

        MapAssert.Single(b.Validate(), "LOCAL", "map 'LOCAL': unsupported map linkage static.");
    }

    [TestMethod]
    public void ExternMapIsRefused()
    {
        var b = new MapBtfBuilder();
        b.Map("ELSEWHERE", BtfVarLinkage.GlobalExtern, b.Type(BpfMapType.Hash), b.Pointer("key", b.IntType), b.Pointer("value", b.IntType));

        MapAssert.Single(b.Validate(), "ELSEWHERE", "map 'ELSEWHERE': unsupported map linkage extern.");
    }

    [TestMethod]
    public void DefinitionMayBeBehindTypedefAndConst()
    {
        var b = new MapBtfBuilder();
        uint def = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Entry(b.Btf.Var("ALIASED", b.Btf.Const(b.Btf.Typedef("map_def", def))), 32);

        MapAssert.None(b.Validate());
    }

    [TestMethod]
    public void DefinitionMustBeAStruct()
    {
        var b = new MapBtfBuilder();
        b.Entry(b.Btf.Var("NUMBER", b.Btf.Typedef("number", b.U64)), 8);

        MapAssert.Single(b.Validate(), "NUMBER", "map 'NUMBER': unexpected def kind int.");
    }

    [TestMethod]
    public void UnionDefinitionIsRefused()
    {
        var b = new MapBtfBuilder();
        uint union = b.Btf.Union("", 8, ("type", b.Type(BpfMapType.Array).Type, 0));
        b.Entry(b.Btf.Var("EITHER", union), 8);

        MapAssert.Single(b.Validate(), "EITHER", "map 'EITHER': unexpected def kind union.");
    }

    [TestMethod]
    public void SectionEntryMustBeAVar()
    {
        var b = new MapBtfBuilder();
        b.Entry(b.U64, 8);

        MapAssert.Single(b.Validate(), "u64", "map 'u64': unexpected var kind int.");
    }

    [TestMethod]
    public void MapVarNeedsAName()
    {
        var b = new MapBtfBuilder();
        uint def = b.Def(b.Type(BpfMapType.Array));
        b.Entry(b.Btf.Var("", def), 8);

        MapAssert.Single(b.Validate(), "#0", "map #0: empty name.");
    }

    [TestMethod]
    public void DefinitionMustFitItsSectionEntry()
    {
        var b = new MapBtfBuilder();
        uint def = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Entry(b.Btf.Var("SQUEEZED", def), 16);

        MapAssert.Single(b.Validate(), "SQUEEZED", "map 'SQUEEZED': invalid def size (32 bytes, 16 in the section).");
    }
}
