using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfNameValidationTests
{
    [TestMethod]
    public void RustGenericStructNameIsInvalid()
    {
        var b = new BtfBuilder();
        uint i = b.Int("u8", 1, 8, 0);
        uint s = b.Struct("Wrapper<u8>", 8, ("a", i, 0), ("b", i, 32));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "Wrapper<u8>", "[2] STRUCT Wrapper<u8> size=8 vlen=2 Invalid name");
    }

    [TestMethod]
    public void IdentifierNamesAndAnonymousStructsAreValid()
    {
        var b = new BtfBuilder();
        uint i = b.Int("u8", 1, 8, 0);
        b.Struct("Wrapper_u8", 1, ("a", i, 0));
        b.Struct("", 1, ("", i, 0));

        ViolationAssert.None(b.Validate());
    }

    [TestMethod]
    public void AnAnonymousMemberOfANamedUnionIsValid()
    {
        // What the debug-info repair makes of a kernel-type binding's __anon_N member: no name, its union still named.
        var b = new BtfBuilder();
        uint i = b.Int();
        uint u = b.Union("sk_buff__anon_0", 4, ("len", i, 0));
        b.Struct("sk_buff", 8, ("", u, 0), ("mark", i, 32));

        ViolationAssert.None(b.Validate());
    }

    [TestMethod]
    public void MemberNameMustBeAnIdentifier()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint s = b.Struct("s", 4, ("__0<x>", i, 0));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "s", "[2] STRUCT s size=4 vlen=1; __0<x> type_id=1 bits_offset=0 Invalid name", "__0<x>");
    }

    [TestMethod]
    [DataRow((int)BtfKind.Ptr)]
    [DataRow((int)BtfKind.Const)]
    [DataRow((int)BtfKind.Volatile)]
    [DataRow((int)BtfKind.Restrict)]
    public void ReferenceKindsMustBeAnonymous(int kindValue)
    {
        var kind = (BtfKind)kindValue;
        var b = new BtfBuilder();
        uint i = b.Int();
        uint r = b.Add("&u8", kind, 0, false, i);

        ViolationAssert.Single(b.Validate(), r, kind, "&u8", $"[2] {BtfKindNames.Of(kind)} &u8 type_id=1 Invalid name");
    }

    [TestMethod]
    public void ArrayAndFuncProtoMustBeAnonymous()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint a = b.Add("[u8; 4]", BtfKind.Array, 0, false, 0, i, i, 4);
        uint p = b.Add("fn()", BtfKind.FuncProto, 0, false, 0);

        var violations = b.Validate();

        Assert.HasCount(2, violations);
        Assert.AreEqual("[2] ARRAY [u8; 4] type_id=1 index_type_id=1 nr_elems=4 Invalid name", violations[0].Message);
        Assert.AreEqual((int)p, violations[1].TypeId);
        Assert.AreEqual("[3] FUNC_PROTO fn() return=0 args=(void) Invalid name", violations[1].Message);
        Assert.AreEqual((int)a, violations[0].TypeId);
    }

    [TestMethod]
    public void TypedefFwdFuncAndVarNeedAName()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint t = b.Typedef("", i);

        ViolationAssert.Single(b.Validate(), t, BtfKind.Typedef, "", "[2] TYPEDEF (anon) type_id=1 Invalid name");
    }

    [TestMethod]
    public void FuncNameWithPathIsInvalid()
    {
        var b = new BtfBuilder();
        uint p = b.Proto(0);
        uint f = b.Func("core::ptr::drop_in_place<u8>", p);

        ViolationAssert.Single(b.Validate(), f, BtfKind.Func, "core::ptr::drop_in_place<u8>", "[2] FUNC core::ptr::drop_in_place<u8> type_id=1 Invalid name");
    }

    [TestMethod]
    public void NameLengthLimitIs128Before61And512After()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        string name = new('a', 200);
        uint t = b.Typedef(name, i);

        ViolationAssert.None(b.Validate(new Version(6, 1)));
        ViolationAssert.Single(b.Validate(new Version(5, 15)), t, BtfKind.Typedef, name, $"[2] TYPEDEF {name} type_id=1 Invalid name");
    }

    [TestMethod]
    public void DotsAreForDatasecAndVarBefore69AndEverywhereAfter()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint t = b.Typedef("a.b", i);
        uint v = b.Var("func.local", i, BtfVarLinkage.Static);
        b.Datasec(".data.rel", 4, (v, 0, 4));

        ViolationAssert.Single(b.Validate(new Version(6, 1)), t, BtfKind.Typedef, "a.b", "[2] TYPEDEF a.b type_id=1 Invalid name");
        ViolationAssert.None(b.Validate(new Version(6, 9)));
    }

    [TestMethod]
    public void DatasecNamesArePrintableFrom69()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint v = b.Var("x", i);
        uint d = b.Datasec("?.struct_ops", 4, (v, 0, 4));

        ViolationAssert.None(b.Validate(new Version(6, 9)));
        ViolationAssert.Single(b.Validate(new Version(6, 1)), d, BtfKind.Datasec, "?.struct_ops", "[3] DATASEC ?.struct_ops size=4 vlen=1 Invalid name");
    }

    [TestMethod]
    public void EnumeratorsNeedValidNames()
    {
        var b = new BtfBuilder();
        uint e = b.Enum("E", 4, false, ("Some(u8)", 1));

        ViolationAssert.Single(b.Validate(), e, BtfKind.Enum, "E", "[1] ENUM E size=4 vlen=1 Invalid name", "Some(u8)");
    }
}
