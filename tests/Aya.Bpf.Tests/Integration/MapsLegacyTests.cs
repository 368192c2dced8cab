namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture with aya-style legacy maps (<c>bpf_map_def</c> statics in section <c>maps</c>, which
/// libbpf 1.x refuses): the link must rewrite each into a BTF-defined map in <c>.maps</c> typed with
/// the wrapper's key and value types, so libbpf creates the maps with their BTF and bpftool can
/// show the program's counts field by field.
/// </summary>
[TestClass]
public sealed class MapsLegacyTests : XdpFixtureTests
{
    private const string Object = "maps-legacy/bin/Release/maps-legacy.bpf.o";

    private static readonly FixtureBuild Fixture = new("maps-legacy/maps-legacy.bpfproj");

    private static readonly ExpectedMap[] Maps =
    [
        new("COUNTERS", "hash", KeySize: 4, ValueSize: 16, MaxEntries: 16),
        new("TOTALS", "array", KeySize: 4, ValueSize: 8, MaxEntries: 1),
        new("CPU_PACKETS", "percpu_array", KeySize: 4, ValueSize: 4, MaxEntries: 1),
        new("EVENTS", "ringbuf", KeySize: 0, ValueSize: 0, MaxEntries: 4096, WithBtf: false),
    ];

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => Object;

    protected override string ProgramName => "maps_legacy";

    // XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_ReportsEachLegacyMapRewrittenWithItsTypes()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        CollectionAssert.AreEquivalent(
            (string[])[
                "Map COUNTERS: legacy definition rewritten into .maps (type 1, key u32, value Counter, max_entries 16)",
                "Map TOTALS: legacy definition rewritten into .maps (type 2, key u32, value u64, max_entries 1)",
                "Map CPU_PACKETS: legacy definition rewritten into .maps (type 6, key u32, value u32, max_entries 1)",
                "Map EVENTS: legacy definition rewritten into .maps (type 27, max_entries 4096)",
            ],
            LinkerLogMarkers.LegacyMapLines(build.Output).ToArray(),
            build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Object_HoldsTheMapsInDotMapsAndNoLegacySection()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.HoldsMapsInDotMapsOnly(Build.Workspace.PathOf(ObjectFile), build);
    }

    /// <summary>The definition libbpf reads points at the real key and value types, not just their sizes.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_CountersDefinitionPointsAtItsKeyAndValueTypes()
    {
        RequireBuildTools();
        RequiredTool.BpftoolPath();
        Build.Succeeded();
        BtfDump btf = Bpftool.DumpBtf(Build.Workspace.PathOf(ObjectFile));

        BtfDumpType definition = btf.Require(btf.Single("VAR", "COUNTERS").TypeId ?? 0);

        CollectionAssert.AreEqual(
            (string[])["type: PTR -> ARRAY[1] of INT 'int'", "key: PTR -> INT 'u32'", "value: PTR -> STRUCT 'Counter'", "max_entries: PTR -> ARRAY[16] of INT 'int'"],
            definition.Members.Select(member => $"{member.Name}: {btf.Resolve(member.TypeId)}").ToArray(),
            $"members of {definition.Label}.{Environment.NewLine}{btf.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Maps_AreCreatedWithTheirTypesSizesAndBtf()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);

        ExpectedMap.AssertCreated(loaded, Maps);
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void OneRun_CountsThePacketInMapsBpftoolShowsFieldByField()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);

        RunOnce(loaded);

        loaded.AssertFormattedFields("COUNTERS", 0, ("packets", 1), ("bytes", BpfObjectAssertions.TestPacket().Length));
        Assert.AreEqual(1L, loaded.FormattedValue("TOTALS", 0).GetInt64(), "TOTALS[0]");
    }
}
