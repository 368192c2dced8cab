using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>CO-RE records libbpf accepts against the local BTF: the check must pass each of them.</summary>
[TestClass]
public sealed class BtfCoreRecordAcceptTests
{
    private readonly CoreRecordFixture fixture = new();

    [TestMethod]
    [DataRow("0:3", "byte_off", DisplayName = "struct member")]
    [DataRow("0:1:1", "byte_off", DisplayName = "member of a nested struct")]
    [DataRow("0:0:5", "byte_off", DisplayName = "last element of an array member")]
    [DataRow("2:3", "byte_off", DisplayName = "member of the third root element")]
    [DataRow("0:2:1", "byte_sz", DisplayName = "union member")]
    [DataRow("0:4:100", "byte_off", DisplayName = "flexible array past its end")]
    [DataRow("0:0", "byte_sz", DisplayName = "size of an array member")]
    [DataRow("0", "byte_sz", DisplayName = "the root itself")]
    [DataRow("0:3", "signed", DisplayName = "signedness of a member")]
    [DataRow("0:1", "field_exists", DisplayName = "existence of a member")]
    [DataRow("0:0:2", "field_exists", DisplayName = "existence of an array element")]
    public void FieldRecordsOnAStructPass(string access, string kind) =>
        Assert.IsEmpty(fixture.Check(fixture.Outer, access, CoreRecordFixture.Kind(kind)));

    [TestMethod]
    public void TheWalkStepsThroughTypedefsAndModifiers() =>
        Assert.IsEmpty(fixture.Check(fixture.OuterTypedef, "0:1:0", BtfCoreRelocationKind.FieldByteOffset));

    [TestMethod]
    public void ALastMemberOfOneElementIsIndexableAtZero() =>
        Assert.IsEmpty(fixture.Check(fixture.Zeros, "0:2:0", BtfCoreRelocationKind.FieldByteOffset));

    [TestMethod]
    [DataRow("lshift_u64")]
    [DataRow("rshift_u64")]
    [DataRow("byte_off")]
    [DataRow("signed")]
    public void BitfieldRecordsPass(string kind) =>
        Assert.IsEmpty(fixture.Check(fixture.Bits, "0:0", CoreRecordFixture.Kind(kind)));

    [TestMethod]
    [DataRow("type_exists")]
    [DataRow("type_size")]
    [DataRow("type_matches")]
    [DataRow("local_type_id")]
    [DataRow("target_type_id")]
    public void TypeRecordsPass(string kind) =>
        Assert.IsEmpty(fixture.Check(fixture.OuterTypedef, "0", CoreRecordFixture.Kind(kind)));

    [TestMethod]
    public void TypeExistsOfAForwardDeclarationPasses() =>
        Assert.IsEmpty(fixture.Check(fixture.Fwd, "0", BtfCoreRelocationKind.TypeExists));

    [TestMethod]
    public void ALocalTypeIdNeedsNoName() =>
        Assert.IsEmpty(fixture.Check(fixture.Anonymous, "0", BtfCoreRelocationKind.TypeIdLocal));

    [TestMethod]
    [DataRow("enumval_exists")]
    [DataRow("enumval_value")]
    public void EnumeratorRecordsPass(string kind)
    {
        Assert.IsEmpty(fixture.Check(fixture.Enum, "1", CoreRecordFixture.Kind(kind)));
        Assert.IsEmpty(fixture.Check(fixture.Enum64, "0", CoreRecordFixture.Kind(kind)));
    }

    [TestMethod]
    public void ManyRecordsOfOneSectionPass() =>
        Assert.IsEmpty(fixture.Check("xdp", (0, fixture.Outer, fixture.Str("0"), 8), (8, fixture.Enum, fixture.Str("1"), 11), (16, fixture.Inner, fixture.Str("0:1"), 0)));
}
