namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture with one legacy map of every type minimaps offers, one of them pinned by name and one
/// named past the kernel's 15 characters: libbpf must create every map from the rewritten definitions
/// as they are, with the BTF of each map type that takes BTF, without retrying or warning.
/// </summary>
[TestClass]
public sealed class MapsZooTests : XdpFixtureTests
{
    private const string Source = "maps-zoo/src/main.rs";

    private const string LongName = "A_VERY_LONG_MAP_NAME";

    // HASH is pinned by name (pinning 1): libbpf pins it under its default root, outside any directory a test
    // loads into, and reuses the pin when it finds one; each test starts and ends without it.
    private static readonly string PinnedHash = Path.Combine(BpfFileSystem.MountPoint, "HASH");

    private static readonly FixtureBuild Fixture = new("maps-zoo/maps-zoo.bpfproj");

    // Not among the maps the programs hold: XDP programs may not use cgroup storage.
    private const string CgroupStorage = "CGROUP_STORE";

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "maps-zoo/bin/Release/maps-zoo.bpf.o";

    protected override string ProgramName => "maps_zoo";

    // XDP_PASS: with every map empty, the redirects fall back to it.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    // A pin left by an earlier run would be reused instead of made.
    [TestInitialize]
    public void RemoveLeftoverPin() => Bpftool.Unpin(PinnedHash);

    // Every load pins HASH, the base class's included, and nothing else removes the pin.
    [TestCleanup]
    public void RemovePin() => Bpftool.Unpin(PinnedHash);

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_ReportsEveryLegacyMapRewritten()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        CollectionAssert.AreEquivalent(
            ExpectedMaps().Select(map => map.Name).Append(CgroupStorage).ToArray(),
            LinkerLogMarkers.LegacyMapLines(build.Output).Select(line => line.Split(':')[0]["Map ".Length..]).ToArray(),
            build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_WarnsWithBpf4004AtTheLongMapNamesDeclaration()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        string warning = BuildErrors.AssertWarned(build, "BPF4004", $"'{LongName}'", $"'{LongName[..ExpectedMap.KernelNameLength]}'");
        BuildErrors.AssertAt(warning, Source, SourceText.LineOf(SourceText.Read(Build.Workspace, Source), $"static {LongName}:"), build);
        Assert.HasCount(1, BuildErrors.WarningLines(build, "BPF4004"), build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Maps_AreCreatedAsDeclaredWithoutRetryOrWarning()
    {
        using LoadedObject loaded = LoadObject(pinMaps: false);

        ExpectedMap.AssertCreated(loaded, ExpectedMaps());
        Assert.DoesNotContain("Retrying without BTF", loaded.Result.Log, loaded.Result.Describe());
        Assert.IsEmpty(loaded.Result.LibbpfWarningLines, $"libbpf warned. {loaded.Result.Describe()}");
    }

    /// <summary>
    /// The kernel takes a cgroup storage's 16-byte key only as struct bpf_cgroup_storage_key (as two
    /// u64s it refuses the BTF, and libbpf retries without): the map is created with its BTF at once.
    /// No XDP program may use it, so it is not among the maps the programs hold.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void CgroupStorageKey_IsTheKernelsStruct_AndTheMapIsCreatedWithIt()
    {
        using LoadedObject loaded = LoadObject(pinMaps: false);
        BtfDump btf = Bpftool.DumpBtf(Build.Workspace.PathOf(ObjectFile));

        BtfDumpType key = btf.Single("STRUCT", "bpf_cgroup_storage_key");
        CollectionAssert.AreEqual(new[] { ("cgroup_inode_id", 0L), ("attach_type", 64L) }, key.Members.Select(m => (m.Name!, m.BitsOffset)).ToArray(), btf.Describe());
        Assert.AreEqual(16L, key.Size);
        StringAssert.Contains(loaded.Result.Log, $"libbpf: map '{CgroupStorage}': found key [", loaded.Result.Describe());
        StringAssert.Contains(loaded.Result.Log, $"libbpf: map '{CgroupStorage}': created successfully", loaded.Result.Describe());
        Assert.DoesNotContain("Retrying without BTF", loaded.Result.Log, loaded.Result.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void PinnedMap_IsPinnedUnderItsName()
    {
        using LoadedObject loaded = LoadObject(pinMaps: false);

        Assert.Contains($"libbpf: pinned map '{PinnedHash}'", loaded.Result.Log, loaded.Result.Describe());
        Assert.AreEqual(loaded.Map("HASH"), Bpftool.ShowMap("pinned", PinnedHash), $"the map pinned at {PinnedHash}");
    }

    // Read from maps-zoo's src/main.rs: the statics' wrappers, type arguments and constructor arguments.
    private static ExpectedMap[] ExpectedMaps() =>
    [
        new("HASH", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 64),
        // FlowKey is 4 + 2 + 1 + 1 bytes, Stats 8 + 8 + 4 + 4.
        new("LRU_HASH", "lru_hash", KeySize: 8, ValueSize: 24, MaxEntries: 128),
        new("PCPU_HASH", "percpu_hash", KeySize: 8, ValueSize: 4, MaxEntries: 32, NoPrealloc: true),
        new("LRU_PCPU_HASH", "lru_percpu_hash", KeySize: 2, ValueSize: 8, MaxEntries: 32),
        new("ARRAY", "array", KeySize: 4, ValueSize: 4, MaxEntries: 8),
        new("PCPU_ARRAY", "percpu_array", KeySize: 4, ValueSize: 24, MaxEntries: 1),
        // Key<u32>: the prefix length, then the address.
        new("LPM", "lpm_trie", KeySize: 8, ValueSize: 4, MaxEntries: 16, NoPrealloc: true),
        new("BLOOM", "bloom_filter", KeySize: 0, ValueSize: 4, MaxEntries: 100),
        new("QUEUE", "queue", KeySize: 0, ValueSize: 4, MaxEntries: 16, WithBtf: false),
        new("STACK", "stack", KeySize: 0, ValueSize: 8, MaxEntries: 16, WithBtf: false),
        new("RINGBUF", "ringbuf", KeySize: 0, ValueSize: 0, MaxEntries: 8192, WithBtf: false),
        // max_entries 0 in the source: libbpf makes one entry per possible CPU.
        new("PERF", "perf_event_array", KeySize: 4, ValueSize: 4, MaxEntries: PossibleCpus(), WithBtf: false),
        new("PROGS", "prog_array", KeySize: 4, ValueSize: 4, MaxEntries: 4),
        // PERF_MAX_STACK_DEPTH (127) return addresses of 8 bytes.
        new("STACKS", "stack_trace", KeySize: 4, ValueSize: 1016, MaxEntries: 64, WithBtf: false),
        new("SOCKS", "sockmap", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new("SOCK_HASH", "sockhash", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new("DEVS", "devmap", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new("CPUS", "cpumap", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new("XSKS", "xskmap", KeySize: 4, ValueSize: 4, MaxEntries: 4, WithBtf: false),
        new(LongName, "hash", KeySize: 4, ValueSize: 4, MaxEntries: 8),
    ];

    // libbpf_num_possible_cpus(): the CPUs /sys/devices/system/cpu/possible lists, e.g. "0-3" or "0,2-5".
    private static long PossibleCpus() =>
        File.ReadAllText("/sys/devices/system/cpu/possible").Trim().Split(',')
            .Select(range => range.Split('-'))
            .Sum(bounds => bounds.Length == 1 ? 1 : long.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) - long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) + 1);
}
