using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfReaderTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadsHeaderStringsAndEveryKind(bool bigEndian)
    {
        var b = new BtfBuilder(bigEndian);
        uint i = b.Int("u32", 4, 32, 0);
        uint p = b.Ptr(i);
        uint a = b.Array(i, i, 4);
        uint s = b.Struct("pair", 8, ("a", i, 0), ("b", i, 32));
        uint u = b.Union("either", 4, ("x", i, 0));
        uint e = b.Enum("color", 4, signed: true, ("red", -1));
        uint f = b.Fwd("later", union: true);
        uint t = b.Typedef("u32_t", i);
        uint c = b.Const(i);
        uint proto = b.Proto(i, ("x", i));
        uint fn = b.Func("add", proto, BtfFuncLinkage.Static);
        uint v = b.Var("counter", i);
        uint d = b.Datasec(".bss", 4, (v, 0, 4));
        uint fl = b.Float("double", 8);
        uint dt = b.DeclTag("tag", s, 1);
        uint tt = b.TypeTag("user", i);
        uint e64 = b.Enum64("big", ("huge", 0x1_0000_0002));

        var btf = b.Read();

        Assert.AreEqual(bigEndian, btf.IsBigEndian);
        Assert.AreEqual((byte)1, btf.Header.Version);
        Assert.AreEqual(17, btf.Types.Count);
        Assert.AreEqual((byte)32, ((BtfIntType)btf.TypeById(i)!).Bits);
        Assert.AreEqual(i, ((BtfReferenceType)btf.TypeById(p)!).Type);
        Assert.AreEqual(4u, ((BtfArrayType)btf.TypeById(a)!).Count);
        var pair = (BtfCompositeType)btf.TypeById(s)!;
        Assert.AreEqual("pair", pair.Name);
        Assert.AreEqual("b", pair.Members[1].Name);
        Assert.AreEqual(32u, pair.Members[1].BitOffset);
        Assert.IsTrue(((BtfCompositeType)btf.TypeById(u)!).IsUnion);
        var color = (BtfEnumType)btf.TypeById(e)!;
        Assert.IsTrue(color.IsSigned);
        Assert.AreEqual(-1L, (long)color.Values[0].RawValue);
        Assert.IsTrue(((BtfFwdType)btf.TypeById(f)!).IsUnion);
        Assert.AreEqual("u32_t", btf.TypeById(t)!.Name);
        Assert.AreEqual(BtfKind.Const, btf.TypeById(c)!.Kind);
        Assert.AreEqual("x", ((BtfFuncProtoType)btf.TypeById(proto)!).Params[0].Name);
        Assert.AreEqual(BtfFuncLinkage.Static, ((BtfFuncType)btf.TypeById(fn)!).Linkage);
        Assert.AreEqual((uint)BtfVarLinkage.GlobalAllocated, ((BtfVarType)btf.TypeById(v)!).Linkage);
        Assert.AreEqual(new BtfDatasecEntry(v, 0, 4), ((BtfDatasecType)btf.TypeById(d)!).Entries[0]);
        Assert.AreEqual(8u, ((BtfFloatType)btf.TypeById(fl)!).Size);
        Assert.AreEqual(1, ((BtfDeclTagType)btf.TypeById(dt)!).ComponentIndex);
        Assert.AreEqual("user", btf.TypeById(tt)!.Name);
        Assert.AreEqual(0x1_0000_0002ul, ((BtfEnumType)btf.TypeById(e64)!).Values[0].RawValue);
    }

    [TestMethod]
    public void ReadsBitfieldOffsetsUnderKindFlag()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        b.Add("flags", BtfKind.Struct, 1, true, 4, b.Str("bit"), i, (3u << 24) | 5);

        var member = ((BtfCompositeType)b.Read().Types[1]).Members[0];

        Assert.AreEqual(3u, member.BitfieldSize);
        Assert.AreEqual(5u, member.BitOffset);
    }

    [TestMethod]
    public void RefusesMissingMagic()
    {
        Assert.IsFalse(BtfReader.TryRead(new byte[] { 1, 2, 3, 4 }, out _, out var error));
        Assert.AreEqual(0, error!.ByteOffset);
    }

    [TestMethod]
    public void RefusesTruncatedType()
    {
        var b = new BtfBuilder();
        b.Struct("s", 4, ("a", 1, 0));
        byte[] blob = b.Build();
        // Claim one member more than there is: the member list runs into the string section's end.
        blob[24 + 4] = 9;

        Assert.IsFalse(BtfReader.TryRead(blob, out _, out var error));

        Assert.AreEqual(36, error!.ByteOffset);
        StringAssert.Contains(error.Message, "STRUCT is truncated");
    }

    [TestMethod]
    public void RefusesUnknownKind()
    {
        var b = new BtfBuilder();
        b.Add("x", (BtfKind)25, 0, false, 0);

        Assert.IsFalse(BtfReader.TryRead(b.Build(), out _, out var error));

        Assert.AreEqual(28, error!.ByteOffset);
        StringAssert.Contains(error.Message, "unknown kind 25");
    }

    [TestMethod]
    public void RefusesSectionsPastTheEnd()
    {
        byte[] blob = new BtfBuilder().Build();
        blob[20] = 200;

        Assert.IsFalse(BtfReader.TryRead(blob, out _, out var error));

        StringAssert.Contains(error!.Message, "string section");
    }

    [TestMethod]
    public void EveryTruncationIsAReadErrorNotAnException()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        b.Struct("s", 4, ("a", i, 0));
        byte[] blob = b.Build();

        for (int length = 0; length < blob.Length; length++)
        {
            Assert.IsFalse(BtfReader.TryRead(blob.AsMemory(0, length), out _, out var error), $"length {length}");
            Assert.IsNotNull(error);
        }
    }
}
