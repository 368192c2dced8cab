namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture with maps written the BTF way (structs of pointers in <c>.maps</c>, as C's
/// <c>__uint</c>/<c>__type</c> and aya-ebpf's <c>#[btf_map]</c> make them): the link leaves them as
/// they are, and libbpf creates them, the array of maps with its inner map template, as declared.
/// </summary>
[TestClass]
public sealed class MapsBtfTests : XdpFixtureTests
{
    private static readonly FixtureBuild Fixture = new("maps-btf/maps-btf.bpfproj");

    private static readonly ExpectedMap[] Maps =
    [
        new("COUNTERS", "hash", KeySize: 4, ValueSize: 16, MaxEntries: 64),
        new("TOTALS", "array", KeySize: 4, ValueSize: 8, MaxEntries: 4),
        // The value of an array of maps is a map fd.
        new("OUTER", "array_of_maps", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new("BY_KEY", "hash_of_maps", KeySize: 4, ValueSize: 4, MaxEntries: 8, WithBtf: false),
    ];

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "maps-btf/bin/Release/maps-btf.bpf.o";

    protected override string ProgramName => "maps_btf";

    // XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void Link_LeavesBtfMapsAsTheyAre()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        Assert.IsEmpty(LinkerLogMarkers.LegacyMapLines(build.Output), build.Describe());
        BpfObjectAssertions.HoldsMapsInDotMapsOnly(Build.Workspace.PathOf(ObjectFile), build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Maps_AreCreatedAsDeclaredWithTheInnerMapTemplate()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);

        ExpectedMap.AssertCreated(loaded, Maps);
        // libbpf reads InnerDef through OUTER's `values` and creates the inner map from it to create OUTER.
        foreach (string line in (string[])[
            "libbpf: map 'OUTER': found inner map definition.",
            "libbpf: map 'OUTER.inner': found type = 2.",
            "libbpf: map 'OUTER.inner': found key [",
            "libbpf: map 'OUTER.inner': found value [",
            "libbpf: map 'OUTER.inner': found max_entries = 1."])
        {
            Assert.Contains(line, loaded.Result.Log, loaded.Result.Describe());
        }
    }

    /// <summary>The program only bumps a counter that is there, so the test stores one first.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void OneRun_BumpsTheStoredCounterWhichBpftoolShowsFieldByField()
    {
        using LoadedObject loaded = LoadObject(pinMaps: true);
        loaded.Update("COUNTERS", key: new byte[4], value: new byte[16]);

        RunOnce(loaded);

        loaded.AssertFormattedFields("COUNTERS", 0, ("packets", 1), ("bytes", 0));
    }
}
