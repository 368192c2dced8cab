using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// The CO-RE record check against what clang-14 really writes: every kind it can emit (core-kinds.c)
/// passes, in clang's object and in the linked one, and a record broken in clang's object is a BPF3004
/// error of the object check the linker runs.
/// </summary>
[TestClass]
public sealed class CCoreRecordCheckTests
{
    // Every bpf_core_relo_kind but type_matches, which clang-14 cannot emit (its backend refuses the flag).
    private static readonly string[] KindsOfTheFixture =
    [
        "byte_off", "byte_sz", "enumval_exists", "enumval_value", "field_exists", "local_type_id",
        "lshift_u64", "rshift_u64", "signed", "target_type_id", "type_exists", "type_size",
    ];

    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("core-kinds");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void ClangsRecords_OfEveryKind_PassTheCheck()
    {
        ObjectBtf clang = ObjectBtf.Read(Fixture.ClangObject);

        var kinds = clang.Ext.CoreRelocations.SelectMany(s => s.Records).Select(r => BtfCoreRelocationKinds.Name(r.Kind)).Distinct().Order(StringComparer.Ordinal);
        CollectionAssert.AreEqual(KindsOfTheFixture, kinds.ToArray(), "the kinds of clang's records");
        Assert.AreEqual("", clang.CoreRecordViolations());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void LinkedRecords_PassTheCheck()
    {
        Fixture.AssertLinkedCleanly();

        Assert.AreEqual("", ObjectBtf.Read(Fixture.LinkedObject).CoreRecordViolations());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void ABrokenRecord_IsABpf3004Error()
    {
        byte[] elf = File.ReadAllBytes(Fixture.ClangObject);
        BreakFirstKind(elf, 13);
        var log = new DiagnosticLog(TextWriter.Null);

        Assert.IsFalse(BtfObjectCheck.Check(elf, new Version(6, 1), new DebugInfoOrigins(), log));

        var error = Assert.ContainsSingle(log.Reported, string.Join("\n", log.Reported));
        Assert.AreEqual(DiagnosticCodes.CoreRelocationInvalid, error.Code);
        StringAssert.Contains(error.Message, "a CO-RE relocation libbpf would refuse at load time, in section xdp: relo #0: insn #");
        StringAssert.Contains(error.Message, "unrecognized CO-RE relocation kind 13");
    }

    /// <summary>Overwrites the kind of the first CO-RE record, found in the file through its .BTF.ext header.</summary>
    private static void BreakFirstKind(byte[] elf, uint kind)
    {
        byte[] ext = BtfSections.TryRead(elf)!.BtfExt!;
        int start = elf.AsSpan().IndexOf(ext);
        Assert.IsGreaterThanOrEqualTo(0, start, "the .BTF.ext bytes are not in the file");
        var header = ext.AsSpan();
        int coreOffset = (int)(BitConverter.ToUInt32(header[4..]) + BitConverter.ToUInt32(header[24..]));
        // The block's record size, then the first section's name offset and count, then the record: insn, type, access, kind.
        BitConverter.TryWriteBytes(elf.AsSpan(start + coreOffset + 4 + 8 + 12), kind);
    }
}
