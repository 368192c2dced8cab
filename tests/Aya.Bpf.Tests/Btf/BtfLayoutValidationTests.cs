using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfLayoutValidationTests
{
    [TestMethod]
    public void StructMemberOffsetsMayNotGoBackwards()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint s = b.Struct("S", 8, ("late", i, 32), ("early", i, 0));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "S", "[2] STRUCT S size=8 vlen=2; early type_id=1 bits_offset=0 Invalid member bits_offset", "early");
    }

    [TestMethod]
    public void UnionMembersStartAtZero()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint u = b.Union("U", 8, ("a", i, 0), ("b", i, 32));
        b.Union("V", 4, ("a", i, 0), ("b", i, 0));

        ViolationAssert.Single(b.Validate(), u, BtfKind.Union, "U", "[2] UNION U size=8 vlen=2; b type_id=1 bits_offset=32 Invalid member bits_offset", "b");
    }

    [TestMethod]
    public void MembersMustFitInTheStruct()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint s = b.Struct("S", 6, ("a", i, 0), ("b", i, 32));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "S", "[2] STRUCT S size=6 vlen=2; b type_id=1 bits_offset=32 Member exceeds struct_size", "b");
    }

    [TestMethod]
    public void MemberTypeMustBeSized()
    {
        var b = new BtfBuilder();
        uint f = b.Fwd("later");
        uint s = b.Struct("S", 8, ("a", f, 0));
        b.Struct("T", 8, ("p", b.Ptr(f), 0));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "S", "[2] STRUCT S size=8 vlen=1; a type_id=1 bits_offset=0 Invalid member", "a");
    }

    [TestMethod]
    public void MemberOfVoidTypeIsInvalid()
    {
        var b = new BtfBuilder();
        uint s = b.Struct("S", 1, ("char", 0, 0));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "S", "[1] STRUCT S size=1 vlen=1; char type_id=0 bits_offset=0 Invalid type_id", "char");
    }

    [TestMethod]
    public void PointerMembersAreByteAligned()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint p = b.Ptr(i);
        uint s = b.Struct("S", 16, ("p", p, 4));

        ViolationAssert.Single(b.Validate(), s, BtfKind.Struct, "S", "[3] STRUCT S size=16 vlen=1; p type_id=2 bits_offset=4 Member is not byte aligned", "p");
    }

    [TestMethod]
    public void IntEncodingAllowsOneFlagAndAtMost128Bits()
    {
        var b = new BtfBuilder();
        b.Int("i128", 16, 128, BtfIntType.Signed);
        uint both = b.Int("weird", 4, 32, BtfIntType.Signed | BtfIntType.Bool);
        uint wide = b.Int("wide", 4, 40, 0);

        var violations = b.Validate();

        Assert.HasCount(2, violations);
        Assert.AreEqual($"[{both}] INT weird size=4 bits_offset=0 nr_bits=32 encoding=UNKN Unsupported encoding", violations[0].Message);
        Assert.AreEqual($"[{wide}] INT wide size=4 bits_offset=0 nr_bits=40 encoding=(none) nr_bits exceeds type_size", violations[1].Message);
    }

    [TestMethod]
    public void EnumSizeIsAPowerOfTwoUpTo8()
    {
        var b = new BtfBuilder();
        b.Enum("Ok", 1, false, ("A", 0));
        uint e = b.Enum("Bad", 3, false, ("A", 0));

        ViolationAssert.Single(b.Validate(), e, BtfKind.Enum, "Bad", "[2] ENUM Bad size=3 vlen=1 Unexpected size");
    }

    [TestMethod]
    public void SignedEnumNeedsKernel60()
    {
        var b = new BtfBuilder();
        uint e = b.Enum("E", 4, true, ("A", -1));

        ViolationAssert.None(b.Validate(new Version(6, 0)));
        ViolationAssert.Single(b.Validate(new Version(5, 15)), e, BtfKind.Enum, "E", "[1] ENUM E size=4 vlen=1 Invalid btf_info kind_flag");
    }

    [TestMethod]
    public void KindsNewerThanTheBaselineAreUnknown()
    {
        var b = new BtfBuilder();
        uint e = b.Enum64("E", ("A", 1));

        ViolationAssert.None(b.Validate(new Version(6, 0)));
        ViolationAssert.Single(b.Validate(new Version(5, 15)), e, BtfKind.Enum64, "E", "[1] Invalid kind:19 (ENUM64 'E': kernels know ENUM64 from 6.0, and BpfKernelBaseline is 5.15: raise it if the program only runs on such kernels, or avoid the type)");
    }

    [TestMethod]
    public void VarLinkageIsStaticOrGlobalAllocated()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        b.Var("ok", i);
        uint v = b.Var("ext", i, BtfVarLinkage.GlobalExtern);

        ViolationAssert.Single(b.Validate(), v, BtfKind.Var, "ext", "[3] VAR ext type_id=1 linkage=2 Linkage not supported");
    }

    [TestMethod]
    public void DatasecEntriesAreSortedAndInside()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint x = b.Var("x", i);
        uint y = b.Var("y", i);
        b.Datasec(".data", 8, (x, 0, 4), (y, 4, 4));
        uint bad = b.Datasec(".bss", 8, (y, 4, 4), (x, 0, 4));

        ViolationAssert.Single(b.Validate(), bad, BtfKind.Datasec, ".bss", "[5] DATASEC .bss size=8 vlen=2; type_id=2 offset=0 size=4 Invalid offset", member: "x");
    }

    /// <summary>LLVM leaves every VAR at offset 0 for libbpf to place from its ELF symbol, then libbpf sorts.</summary>
    [TestMethod]
    public void DatasecOffsetsAreCheckedAsLibbpfFixesThemUp()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint x = b.Var("x", i);
        uint y = b.Var("y", i);
        uint d = b.Datasec(".maps", 0, (y, 0, 4), (x, 0, 4));
        var btf = b.Read();
        var sizes = new Dictionary<string, uint> { [".maps"] = 8 };

        var asLoaded = BtfValidator.Validate(btf, new BtfValidationOptions { SectionSizes = sizes });
        var throughLibbpf = BtfValidator.Validate(btf, new BtfValidationOptions
        {
            SectionSizes = sizes,
            VariableOffsets = new Dictionary<string, uint> { ["x"] = 0, ["y"] = 4 },
        });

        ViolationAssert.Single(asLoaded, d, BtfKind.Datasec, ".maps", "[4] DATASEC .maps size=0 vlen=2; type_id=2 offset=0 size=4 Invalid offset", member: "x");
        ViolationAssert.None(throughLibbpf);
    }

    [TestMethod]
    public void DatasecSizeZeroIsCheckedWithTheElfSectionSize()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint x = b.Var("x", i);
        uint d = b.Datasec(".data", 0, (x, 4, 4));
        var btf = b.Read();

        ViolationAssert.None(BtfValidator.Validate(btf));
        ViolationAssert.None(BtfValidator.Validate(btf, new BtfValidationOptions { SectionSizes = new Dictionary<string, uint> { [".data"] = 8 } }));
        ViolationAssert.Single(
            BtfValidator.Validate(btf, new BtfValidationOptions { SectionSizes = new Dictionary<string, uint> { [".data"] = 4 } }),
            d, BtfKind.Datasec, ".data", "[3] DATASEC .data size=0 vlen=1; type_id=2 offset=4 size=4 Invalid offset", member: "x");
    }

    [TestMethod]
    public void StructContainingItselfIsALoop()
    {
        var b = new BtfBuilder();
        uint s = b.Struct("A", 4, ("self", 2, 0));
        b.Typedef("A_t", s);

        var violations = b.Validate();

        Assert.IsTrue(violations.Any(v => v.Message == "[1] STRUCT A size=4 vlen=1 Loop detected"), string.Join(" | ", violations));
    }

    [TestMethod]
    public void PointerToItselfThroughAStructIsFine()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        b.Struct("Node", 16, ("value", i, 0), ("next", 3, 64));
        b.Ptr(2);

        ViolationAssert.None(b.Validate());
    }

    [TestMethod]
    public void ChainsDeeperThan32Fail()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        // 40 typedefs, each pointing at the next; the last one points at the int.
        for (uint n = 0; n < 40; n++)
        {
            b.Typedef($"t{n}", n == 39 ? i : n + 3);
        }

        var violations = b.Validate();

        Assert.AreEqual("[2] TYPEDEF t0 type_id=3 Exceeded max resolving depth:32", violations[0].Message, string.Join(" | ", violations));
    }

    [TestMethod]
    public void HeaderVersionFlagsAndStringsAreChecked()
    {
        var b = new BtfBuilder();
        b.Int();

        Assert.IsTrue(BtfReader.TryRead(b.Build(version: 2, flags: 1, stringSection: [(byte)'x', 0, (byte)'i', (byte)'n', (byte)'t', 0]), out var btf, out _));
        var messages = BtfValidator.Validate(btf!).Select(v => v.Message).ToList();

        CollectionAssert.AreEqual(new[] { "Unsupported version", "Unsupported flags", "Invalid string section" }, messages);
    }
}
