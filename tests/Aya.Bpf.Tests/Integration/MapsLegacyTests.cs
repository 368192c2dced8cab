namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture with aya-style legacy maps (<c>bpf_map_def</c> statics in section <c>maps</c>, which
/// libbpf 1.x refuses): the link must rewrite each into a BTF-defined map in <c>.maps</c> typed with
/// the wrapper's key and value types, so libbpf creates the maps with their BTF and bpftool can
/// show the program's counts field by field. SEEN is in section <c>maps/SEEN</c>, and LENGTHS has
/// no <c>#[no_mangle]</c> (a mangled symbol): each is a map of the name the source gives it.
/// </summary>
[TestClass]
public sealed class MapsLegacyTests : XdpFixtureTests
{
    private const string Object = "maps-legacy/bin/Release/maps-legacy.bpf.o";

    // BPF_PROG_TEST_RUN runs XDP programs as if the packet came in on lo.
    private const long LoopbackIndex = 1;

    private static readonly FixtureBuild Fixture = new("maps-legacy/maps-legacy.bpfproj");

    private static readonly ExpectedMap[] Maps =
    [
        new("COUNTERS", "hash", KeySize: 4, ValueSize: 16, MaxEntries: 16),
        new("TOTALS", "array", KeySize: 4, ValueSize: 8, MaxEntries: 1),
        new("CPU_PACKETS", "percpu_array", KeySize: 4, ValueSize: 4, MaxEntries: 1),
        new("EVENTS", "ringbuf", KeySize: 0, ValueSize: 0, MaxEntries: 4096, WithBtf: false),
        new("SEEN", "array", KeySize: 4, ValueSize: 4, MaxEntries: 2),
        new("LENGTHS", "hash", KeySize: 4, ValueSize: 4, MaxEntries: 8),
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
                "Map SEEN: legacy definition rewritten into .maps (type 2, key u32, value u32, max_entries 2)",
                "Map LENGTHS: legacy definition rewritten into .maps (type 1, key u32, value u32, max_entries 8)",
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

    /// <summary>
    /// The definition libbpf reads points at the real key and value types, not just their sizes, and
    /// is a global symbol in .maps of the map's own name (for LENGTHS not its mangled symbol's).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("COUNTERS", "type: PTR -> ARRAY[1] of INT 'int'", "key: PTR -> INT 'u32'", "value: PTR -> STRUCT 'Counter'", "max_entries: PTR -> ARRAY[16] of INT 'int'")]
    [DataRow("SEEN", "type: PTR -> ARRAY[2] of INT 'int'", "key: PTR -> INT 'u32'", "value: PTR -> INT 'u32'", "max_entries: PTR -> ARRAY[2] of INT 'int'")]
    [DataRow("LENGTHS", "type: PTR -> ARRAY[1] of INT 'int'", "key: PTR -> INT 'u32'", "value: PTR -> INT 'u32'", "max_entries: PTR -> ARRAY[8] of INT 'int'")]
    public void Btf_EachDefinitionPointsAtItsKeyAndValueTypes(string map, string type, string key, string value, string maxEntries)
    {
        RequireBuildTools();
        RequiredTool.BpftoolPath();
        Build.Succeeded();
        string path = Build.Workspace.PathOf(ObjectFile);
        BtfDump btf = Bpftool.DumpBtf(path);

        BtfDumpType definition = btf.Require(btf.Single("VAR", map).TypeId ?? 0);

        CollectionAssert.AreEqual(
            (string[])[type, key, value, maxEntries],
            definition.Members.Select(member => $"{member.Name}: {btf.Resolve(member.TypeId)}").ToArray(),
            $"members of {definition.Label}.{Environment.NewLine}{btf.Describe()}");
        Assert.AreEqual(".maps", ElfObjectHeader.Symbol(path, map)?.Section, $"the symbol {map}");
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
        Assert.AreEqual(1L, loaded.FormattedValue("SEEN", 1).GetInt64(), "SEEN[1]");
        Assert.AreEqual(LoopbackIndex, loaded.FormattedValue("LENGTHS", BpfObjectAssertions.TestPacket().Length).GetInt64(), "LENGTHS[length of the packet]");
    }
}
