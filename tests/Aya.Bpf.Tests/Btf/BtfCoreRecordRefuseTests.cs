using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>CO-RE records libbpf refuses (or would skip): one violation each, worded as libbpf's log would have it.</summary>
[TestClass]
public sealed class BtfCoreRecordRefuseTests
{
    private readonly CoreRecordFixture fixture = new();

    [TestMethod]
    public void AnUnknownKindIsRefused() =>
        Assert.AreEqual($"xdp: relo #0: insn #3 <unknown (13)> [{fixture.Outer}] STRUCT outer + 0:3: unrecognized CO-RE relocation kind 13",
            fixture.Refusal(fixture.Outer, "0:3", (BtfCoreRelocationKind)13));

    [TestMethod]
    public void ATypeIdPastTheLastTypeIsRefused() =>
        StringAssert.Contains(fixture.Refusal(999, "0:3", BtfCoreRelocationKind.FieldByteOffset),
            "<byte_off> [999] (no such type) + 0:3: type id 999 is past the last type");

    [TestMethod]
    public void AMemberIndexPastTheMembersIsRefused() =>
        Assert.AreEqual($"xdp: relo #0: insn #3 <byte_off> [{fixture.Outer}] STRUCT outer + 0:5: at index #1: member index 5 is out of range: [{fixture.Outer}] STRUCT outer has 5 members",
            fixture.Refusal(fixture.Outer, "0:5", BtfCoreRelocationKind.FieldByteOffset));

    [TestMethod]
    public void ANestedMemberIndexIsCheckedAgainstItsOwnStruct() =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:1:2", BtfCoreRelocationKind.FieldByteOffset),
            $"at index #2: member index 2 is out of range: [{fixture.Inner}] STRUCT inner has 2 members");

    [TestMethod]
    public void AnIndexIntoANonCompositeIsRefused() =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:3:0", BtfCoreRelocationKind.FieldByteOffset),
            $"at index #2: captures type [{fixture.Int}] INT int of unexpected kind: only a STRUCT, UNION or ARRAY can be indexed");

    [TestMethod]
    [DataRow("0:0:6", DisplayName = "past a fixed array")]
    [DataRow("1:0:6", DisplayName = "past a fixed array of a later root element")]
    public void AnArrayIndexPastTheEndIsRefused(string access)
    {
        string refusal = fixture.Refusal(fixture.Outer, access, BtfCoreRelocationKind.FieldByteOffset);
        StringAssert.Contains(refusal, "at index #2: array index 6 is out of range: [");
        StringAssert.Contains(refusal, "] ARRAY <anon> has 6 elements");
    }

    [TestMethod]
    [DataRow("0:0:0", DisplayName = "zero-length array that is not the last member")]
    [DataRow("0:2:1", DisplayName = "one-element last member")]
    public void OnlyAFlexibleArrayIsIndexedPastItsEnd(string access) =>
        StringAssert.Contains(fixture.Refusal(fixture.Zeros, access, BtfCoreRelocationKind.FieldByteOffset), "is out of range");

    [TestMethod]
    [DataRow("", "the access string is empty")]
    [DataRow(":0", "index #0 is ''")]
    [DataRow("0:", "index #1 is ''")]
    [DataRow("0::1", "index #1 is ''")]
    [DataRow("0:a", "index #1 is 'a'")]
    [DataRow("-1", "index #0 is '-1'")]
    [DataRow("0:+1", "index #1 is '+1'")]
    [DataRow("0:2147483648", "index #1 is '2147483648'")]
    public void AMalformedAccessStringIsRefused(string access, string expected) =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, access, BtfCoreRelocationKind.FieldByteOffset), expected);

    [TestMethod]
    public void AnAccessStringOfMoreThan64IndexesIsRefused()
    {
        Assert.IsEmpty(fixture.Check(fixture.Int, string.Join(':', Enumerable.Repeat("0", 1)), BtfCoreRelocationKind.FieldByteOffset));
        StringAssert.Contains(fixture.Refusal(fixture.Outer, string.Join(':', Enumerable.Repeat("0", 65)), BtfCoreRelocationKind.FieldByteOffset),
            "65 indexes, more than libbpf's 64 (E2BIG)");
    }

    [TestMethod]
    public void ATypeRecordNeedsAccessStringZero() =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:1", BtfCoreRelocationKind.TypeExists), "a type relocation's access string must be \"0\"");

    [TestMethod]
    [DataRow(24u + 4, "insn_off 28 is not a multiple of the 8-byte instruction size")]
    [DataRow(CoreRecordFixture.SectionSize, "past the end of the section (64 instructions)")]
    public void TheInstructionMustBeOneOfTheSection(uint insnOffset, string expected) =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:1", BtfCoreRelocationKind.FieldByteOffset, insnOffset), expected);

    [TestMethod]
    public void ASectionThatIsNoCodeSectionIsRefused() =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:1", BtfCoreRelocationKind.FieldByteOffset, section: "kprobe/gone"),
            "kprobe/gone: 1 CO-RE relocations for a section that is not an executable section of the object");

    [TestMethod]
    public void AnEnumeratorIndexPastTheValuesIsRefused()
    {
        StringAssert.Contains(fixture.Refusal(fixture.Enum, "2", BtfCoreRelocationKind.EnumValue), $"enumerator index 2 is out of range: [{fixture.Enum}] ENUM color has 2 values");
        StringAssert.Contains(fixture.Refusal(fixture.Enum64, "1", BtfCoreRelocationKind.EnumValueExists), "has 1 values");
    }

    [TestMethod]
    public void AnEnumeratorRecordNeedsAnEnumAndOneIndex()
    {
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0", BtfCoreRelocationKind.EnumValue), $"[{fixture.Outer}] STRUCT outer is not an ENUM or ENUM64");
        StringAssert.Contains(fixture.Refusal(fixture.Enum, "0:1", BtfCoreRelocationKind.EnumValue), "an enumerator relocation's access string is one index");
    }

    [TestMethod]
    public void AnAnonymousRootIsRefusedButForLocalTypeIds() =>
        StringAssert.Contains(fixture.Refusal(fixture.Anonymous, "0:0", BtfCoreRelocationKind.FieldByteOffset),
            "target candidate search failed: libbpf relocates only named root types");

    [TestMethod]
    [DataRow("signed")]
    [DataRow("lshift_u64")]
    public void AnArrayElementHasOnlyAnOffsetAndASize(string kind) =>
        StringAssert.Contains(fixture.Refusal(fixture.Outer, "0:0:1", CoreRecordFixture.Kind(kind)), "can't be applied to array access");

    [TestMethod]
    public void ABitfieldBeyondOne64BitLoadIsRefused() =>
        StringAssert.Contains(fixture.Refusal(fixture.Bits, "0:1", BtfCoreRelocationKind.FieldLeftShift),
            "lshift_u64 can't be satisfied for bitfield 'wide': its 60 bits at bit offset 8 do not fit one 64-bit load");

    [TestMethod]
    public void AnUnsizedRootIsRefused()
    {
        StringAssert.Contains(fixture.Refusal(fixture.Fwd, "0", BtfCoreRelocationKind.TypeSize), $"[{fixture.Fwd}] FWD opaque has no size for type_size");
        StringAssert.Contains(fixture.Refusal(fixture.Fwd, "0:0", BtfCoreRelocationKind.FieldByteOffset), $"the root [{fixture.Fwd}] FWD opaque has no size");
    }
}
