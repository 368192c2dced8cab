using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>
/// Each kind and rule that a kernel release introduced, at its boundary: the first kernel accepts
/// it, the one before refuses it in the kernel's words (followed, for a kind, by since when).
/// </summary>
[TestClass]
public sealed class BtfKernelBoundaryTests
{
    [TestMethod]
    public void Float_IsKnownFrom513()
    {
        var b = new BtfBuilder();
        uint f = b.Float("f64", 8);

        AcceptedFromRefusedBefore(b, new(5, 13), new(5, 12), f, BtfKind.Float, "f64", UnknownKind(f, 16, "FLOAT", "f64", "5.13", "5.12"));
    }

    [TestMethod]
    public void DeclTag_IsKnownFrom516()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint s = b.Struct("S", 4, ("a", i, 0));
        uint t = b.DeclTag("tagged", s, 0);

        AcceptedFromRefusedBefore(b, new(5, 16), new(5, 15), t, BtfKind.DeclTag, "tagged", UnknownKind(t, 17, "DECL_TAG", "tagged", "5.16", "5.15"));
    }

    [TestMethod]
    public void TypeTag_IsKnownFrom517()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint t = b.TypeTag("user", i);
        b.Ptr(t);

        AcceptedFromRefusedBefore(b, new(5, 17), new(5, 16), t, BtfKind.TypeTag, "user", UnknownKind(t, 18, "TYPE_TAG", "user", "5.17", "5.16"));
    }

    /// <summary>Before 5.6 a FUNC's vlen had to be 0 (static); global linkage came with per-function verification.</summary>
    [TestMethod]
    public void GlobalFuncLinkage_IsAcceptedFrom56()
    {
        var b = new BtfBuilder();
        uint p = b.Proto(0);
        b.Func("local", p, BtfFuncLinkage.Static);
        uint f = b.Func("prog", p, BtfFuncLinkage.Global);

        AcceptedFromRefusedBefore(b, new(5, 6), new(5, 5), f, BtfKind.Func, "prog", "[3] FUNC prog type_id=1 vlen != 0");
    }

    /// <summary>Extern linkage is refused on either side of 5.6, for another reason on each.</summary>
    [TestMethod]
    [DataRow(5, 5, "[2] FUNC ext type_id=1 vlen != 0")]
    [DataRow(5, 6, "[2] FUNC ext type_id=1 Invalid func linkage")]
    public void ExternFuncLinkage_IsRefusedEitherSideOf56(int major, int minor, string message)
    {
        var b = new BtfBuilder();
        uint p = b.Proto(0);
        uint f = b.Func("ext", p, BtfFuncLinkage.Extern);

        ViolationAssert.Single(b.Validate(new Version(major, minor)), f, BtfKind.Func, "ext", message);
    }

    private static void AcceptedFromRefusedBefore(BtfBuilder b, Version first, Version before, uint id, BtfKind kind, string name, string message)
    {
        ViolationAssert.None(b.Validate(first));
        ViolationAssert.Single(b.Validate(before), id, kind, name, message);
    }

    private static string UnknownKind(uint id, int number, string kind, string name, string first, string baseline) =>
        $"[{id}] Invalid kind:{number} ({kind} '{name}': kernels know {kind} from {first}, and BpfKernelBaseline is {baseline}: " +
        "raise it if the program only runs on such kernels, or avoid the type)";
}
