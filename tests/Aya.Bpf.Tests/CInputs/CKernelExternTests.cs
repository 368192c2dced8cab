using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>
/// <c>.kconfig</c> and <c>.ksyms</c> externs of a C program: their BTF as LLVM writes it (extern VARs, all
/// at offset 0, a typeless ksym of type void) is not what the kernel gets, because libbpf rewrites it at
/// open. The link checks the rewritten BTF, so it builds what clang builds, and the object loads.
/// </summary>
[TestClass]
public sealed partial class CKernelExternTests
{
    private static readonly string[] KconfigExterns = ["CONFIG_BPF_SYSCALL", "CONFIG_HZ", "LINUX_KERNEL_VERSION"];

    private static CFixtureLink? s_fixture;

    private static CFixtureLink Fixture => s_fixture ?? throw new InvalidOperationException("ClassInitialize did not run");

    [ClassInitialize]
    public static void Link(TestContext _) => s_fixture = CFixtureLink.Build("kernel-externs");

    [ClassCleanup]
    public static void Cleanup() => s_fixture?.Dispose();

    /// <summary>The externs reach the object as clang leaves them for libbpf: extern VARs and an extern FUNC, in the same sections.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Externs_KeepTheBtfClangGivesThem()
    {
        Fixture.AssertLinkedCleanly();

        BtfData clang = ObjectBtf.Read(Fixture.ClangObject).Btf, linked = ObjectBtf.Read(Fixture.LinkedObject).Btf;
        foreach (string section in (string[])[LibbpfExterns.KconfigSection, LibbpfExterns.KsymsSection])
            CollectionAssert.AreEqual(Externs(clang, section), Externs(linked, section), $"DATASEC {section}");
        CollectionAssert.AreEqual(
            (string[])["CONFIG_BPF_SYSCALL:VAR:2", "CONFIG_HZ:VAR:2", "LINUX_KERNEL_VERSION:VAR:2"], Externs(linked, LibbpfExterns.KconfigSection));
        CollectionAssert.AreEqual((string[])["_stext:VAR:2", "bpf_cast_to_kern_ctx:FUNC:2"], Externs(linked, LibbpfExterns.KsymsSection));
    }

    /// <summary>
    /// The kconfig layout the link checks is libbpf's: each extern's offset in the rewritten .kconfig
    /// DATASEC is the one libbpf prints when it loads the object ("extern (kcfg) #0: symbol 18, off 0, name CONFIG_HZ").
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void KconfigLayout_IsTheOneLibbpfMakes()
    {
        Fixture.AssertLinkedCleanly();

        BtfData rewritten = LibbpfExterns.AsKernelSees(ObjectBtf.Read(Fixture.LinkedObject).Btf);
        BtfDatasecType kconfig = rewritten.Types.OfType<BtfDatasecType>().Single(d => d.Name == LibbpfExterns.KconfigSection);
        Dictionary<string, uint> ours = kconfig.Entries.ToDictionary(e => rewritten.TypeById(e.Type)!.Name!, e => e.Offset);
        // Two ints and a bool, without padding after the bool: libbpf sizes the section to the end of its last extern.
        Assert.AreEqual(9u, kconfig.Size, "size of the rewritten .kconfig");
        Assert.IsTrue(kconfig.Entries.All(e => rewritten.TypeById(e.Type) is BtfVarType { Linkage: (uint)BtfVarLinkage.GlobalAllocated }));

        using LoadedObject loaded = CFixtureLink.LoadWithBtf(Fixture.LinkedObject, "xdp_externs");
        Dictionary<string, uint> libbpf = KconfigLine().Matches(loaded.Result.Log).ToDictionary(m => m.Groups["name"].Value, m => uint.Parse(m.Groups["off"].Value));
        CollectionAssert.AreEquivalent(KconfigExterns, libbpf.Keys.ToArray(), loaded.Result.Log);
        foreach (string name in KconfigExterns)
            Assert.AreEqual(libbpf[name], ours[name], $"offset of {name} in .kconfig");
    }

    /// <summary>
    /// The linked object loads with its BTF, the kernel's version makes the program pass, and the ring
    /// buffer of 5000 bytes is created with the 8192 libbpf rounds it up to (our map checks let it through).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void LinkedObject_LoadsAndItsRingBufferIsRoundedUp()
    {
        Fixture.AssertLinkedCleanly();

        using LoadedObject loaded = CFixtureLink.LoadWithBtf(Fixture.LinkedObject, "xdp_externs");
        Assert.AreEqual(2L, loaded.Run("xdp_externs", BpfObjectAssertions.TestPacket()), loaded.Result.Describe());
        LoadedMap events = loaded.Map("events");
        Assert.AreEqual(("ringbuf", 8192L), (events.Type, events.MaxEntries), loaded.Result.Describe());
    }

    // NAME:KIND:LINKAGE of each entry of the DATASEC, in name order (the order LLVM writes them in may differ).
    private static string[] Externs(BtfData btf, string section) =>
        [.. btf.Types.OfType<BtfDatasecType>().Single(d => d.Name == section).Entries
            .Select(e => btf.TypeById(e.Type))
            .Select(t => t switch
            {
                BtfVarType v => $"{v.Name}:VAR:{v.Linkage}",
                BtfFuncType f => $"{f.Name}:FUNC:{(int)f.Linkage}",
                _ => $"{t?.Name}:{t?.Kind}",
            })
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"extern \(kcfg\) #\d+: symbol \d+, off (?<off>\d+), name (?<name>\w+)")]
    private static partial Regex KconfigLine();
}
