using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// CO-RE relocations of a C program on a global of a kernel struct, and field, type and enum queries:
/// the linked object carries the same .BTF.ext CO-RE records as clang's own, and libbpf relocates them
/// against the running kernel's BTF.
/// </summary>
[TestClass]
public sealed class CCoreRelocationTests
{
    // SECTION KIND TYPE ACCESS, for the fixture's six uses.
    private static readonly string[] ExpectedRecords =
    [
        ".text FieldByteOffset STRUCT ethhdr 0:0:0",
        "xdp EnumValue ENUM bpf_map_type 0",
        "xdp FieldByteOffset STRUCT ethhdr 0:2",
        "xdp FieldByteSize STRUCT ethhdr 0:1",
        "xdp FieldExists STRUCT ethhdr___missing 0:0",
        "xdp TypeExists STRUCT ethhdr 0",
    ];

    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("core-globals");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    /// <summary>Record by record (section, kind, the local type's kind and name, access string), the link keeps what clang wrote.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void CoreRecords_AreClangs()
    {
        Fixture.AssertLinkedCleanly();

        CollectionAssert.AreEqual(ExpectedRecords, Records(Fixture.ClangObject), "clang's CO-RE records");
        CollectionAssert.AreEqual(ExpectedRecords, Records(Fixture.LinkedObject), "the linked object's CO-RE records");
    }

    /// <summary>The linker's record check passes clang's records and the linked object's, the subprogram's in .text too.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void CoreRecords_PassTheRecordCheck()
    {
        Fixture.AssertLinkedCleanly();

        Assert.AreEqual("", ObjectBtf.Read(Fixture.ClangObject).CoreRecordViolations(), "clang's object");
        Assert.AreEqual("", ObjectBtf.Read(Fixture.LinkedObject).CoreRecordViolations(), "the linked object");
    }

    /// <summary>
    /// libbpf relocates every record against the kernel and the program runs: the global's h_proto
    /// passes, the missing field reads as absent, and sizes = 6 (h_source) + 100 (ethhdr exists) +
    /// 1000 * 27 (BPF_MAP_TYPE_RINGBUF as the kernel numbers it).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void LinkedObject_IsRelocatedAgainstTheKernel()
    {
        Fixture.AssertLinkedCleanly();

        using LoadedObject loaded = CFixtureLink.LoadWithBtf(Fixture.LinkedObject, "xdp_core");
        Assert.Contains("sec 'xdp': found 5 CO-RE relocations", loaded.Result.Log);
        Assert.Contains("sec '.text': found 1 CO-RE relocations", loaded.Result.Log);
        Assert.AreEqual(2L, loaded.Run("xdp_core", BpfObjectAssertions.TestPacket()), loaded.Result.Describe());
        Assert.AreEqual(27106L, loaded.FormattedGlobal(".bss", "sizes").GetInt64(), loaded.Result.Describe());
    }

    private static string[] Records(string objectPath)
    {
        ObjectBtf btf = ObjectBtf.Read(objectPath);
        return [.. btf.Ext.CoreRelocations
            .SelectMany(section => section.Records.Select(r => (section.SectionName, Record: r)))
            .Select(r => $"{r.SectionName} {r.Record.Kind} {Describe(btf.Btf.TypeById(r.Record.TypeId))} {r.Record.AccessString}")
            .Order(StringComparer.Ordinal)];
    }

    private static string Describe(BtfType? type) => type is null ? "void" : $"{BtfKindNames.Of(type.Kind)} {type.Name}";
}
