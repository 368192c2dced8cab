using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfFuncValidationTests
{
    [TestMethod]
    public void NamedParametersAreValid()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint p = b.Proto(i, ("ctx", i), ("", 0));
        b.Func("prog", p);

        ViolationAssert.None(b.Validate());
    }

    [TestMethod]
    public void UnnamedTypedParameterOfAFuncIsInvalidArg()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint p = b.Proto(i, ("ctx", i), ("", i));
        uint f = b.Func("prog", p);

        ViolationAssert.Single(b.Validate(), f, BtfKind.Func, "prog", "[3] FUNC prog type_id=2 Invalid arg#2");
    }

    [TestMethod]
    public void ParameterNameMustBeAnIdentifier()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint p = b.Proto(i, ("self.0", i));

        ViolationAssert.Single(b.Validate(), p, BtfKind.FuncProto, "", "[2] FUNC_PROTO (anon) return=1 args=(1 self.0) Invalid arg#1", "self.0");
    }

    [TestMethod]
    public void OnlyTheLastParameterMayBeVoid()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint p = b.Proto(i, ("", 0), ("x", i));

        ViolationAssert.Single(b.Validate(), p, BtfKind.FuncProto, "", "[2] FUNC_PROTO (anon) return=1 args=(0 (anon), 1 x) Invalid arg#1", "");
    }

    [TestMethod]
    public void FuncTypeMustBeAFuncProto()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint f = b.Func("prog", i);

        ViolationAssert.Single(b.Validate(), f, BtfKind.Func, "prog", "[2] FUNC prog type_id=1 Invalid type_id");
    }

    [TestMethod]
    public void ExternFuncLinkageIsRefused()
    {
        var b = new BtfBuilder();
        uint p = b.Proto(0);
        b.Func("local", p, BtfFuncLinkage.Static);
        uint f = b.Func("ext", p, BtfFuncLinkage.Extern);

        ViolationAssert.Single(b.Validate(), f, BtfKind.Func, "ext", "[3] FUNC ext type_id=1 Invalid func linkage");
    }

    [TestMethod]
    public void ReturnTypeMustBeSized()
    {
        var b = new BtfBuilder();
        uint fwd = b.Fwd("opaque");
        uint p = b.Proto(fwd);

        ViolationAssert.Single(b.Validate(), p, BtfKind.FuncProto, "", "[2] FUNC_PROTO (anon) return=1 args=(void) Invalid return type");
    }

    [TestMethod]
    public void TypeIdsOutOfRangeAreInvalid()
    {
        var b = new BtfBuilder();
        uint p = b.Ptr(42);

        ViolationAssert.Single(b.Validate(), p, BtfKind.Ptr, "", "[1] PTR (anon) type_id=42 Invalid type_id");
    }
}
