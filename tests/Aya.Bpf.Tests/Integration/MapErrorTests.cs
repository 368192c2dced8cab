namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Map definitions libbpf would refuse never leave the build: each fails the link with a coded error
/// naming the map at its declaration in the Rust source, and no object is written. Each test edits a
/// fixture's src/main.rs in its own workspace.
/// </summary>
[TestClass]
public sealed class MapErrorTests
{
    private const string Legacy = "maps-legacy";
    private const string Btf = "maps-btf";

    [TestMethod]
    [TestCategory("Integration")]
    public void KeySizeContradictingTheKeyType_FailsWithBpf4002()
    {
        AssertFails(
            Legacy, source => WithLegacyMap(source, "BAD", type: 1, keySize: 8, pinning: 0),
            "BPF4002", "BAD", "key_size is 8 but its key type u32 is 4 bytes");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void UnknownMapType_FailsWithBpf4003NamingTheType()
    {
        AssertFails(
            Legacy, source => WithLegacyMap(source, "UNKNOWN_TYPE", type: 99, keySize: 4, pinning: 0),
            "BPF4003", "UNKNOWN_TYPE", "would be refused by libbpf", "unknown map type 99");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void InvalidPinning_FailsWithBpf4003()
    {
        AssertFails(
            Legacy, source => WithLegacyMap(source, "BAD_PINNING", type: 1, keySize: 4, pinning: 7),
            "BPF4003", "BAD_PINNING", "would be refused by libbpf", "invalid pinning value 7");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BtfMapWithUnknownMember_FailsWithBpf4003NamingTheField()
    {
        AssertFails(
            Btf,
            source => SourceText.ReplaceOnce(
                SourceText.ReplaceOnce(source, "    max_entries: *const [i32; 64],", "    max_entrys: *const [i32; 64],"),
                "value: null(), max_entries: null() };",
                "value: null(), max_entrys: null() };"),
            "BPF4003", "COUNTERS", "would be refused by libbpf", "unknown field 'max_entrys'");
    }

    /// <summary>An array of 0xffffffff entries: the kernel refuses its BTF (the size overflows u32), placed at the map.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void ArrayOfUInt32MaxEntries_FailsWithBpf3001AtTheMap()
    {
        AssertFailsWith(
            Legacy, source => WithLegacyMap(source, "HUGE", type: 2, keySize: 4, pinning: 0, maxEntries: uint.MaxValue),
            "BPF3001", "HUGE", ["variable 'HUGE', member 'max_entries'", "Array size overflows U32_MAX"]);
    }

    /// <summary>aya's <c>#[map(name = "A-B")]</c> is an export_name: a name BTF cannot carry is refused where it is given, never renamed.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void MapNamedWithADash_FailsWithBpf4005()
    {
        AssertFailsWith(
            Legacy, source => WithLegacyMap(source, "NAMED", type: 1, keySize: 4, pinning: 0, attribute: "#[unsafe(export_name = \"A-B\")]"),
            "BPF4005", "NAMED", ["map 'A-B'", "letters, digits and '_'"]);
    }

    /// <summary>
    /// Builds <paramref name="folder"/>'s project with its src/main.rs edited, and fails the test unless the
    /// build fails with <paramref name="code"/> naming <paramref name="mapName"/> and each of
    /// <paramref name="named"/>, placed at the map's static, and leaves no object behind.
    /// </summary>
    private static void AssertFails(string folder, Func<string, string> edit, string code, string mapName, params string[] named) =>
        AssertFailsWith(folder, edit, code, mapName, [$"map '{mapName}'", .. named]);

    /// <summary>As <see cref="AssertFails"/>, the error at <paramref name="staticName"/>'s static and holding each of <paramref name="texts"/>.</summary>
    private static void AssertFailsWith(string folder, Func<string, string> edit, string code, string staticName, string[] texts)
    {
        RequiredTool.CargoPath();
        using FixtureBuild fixture = new($"{folder}/{folder}.bpfproj");
        string source = $"{folder}/src/main.rs";
        string edited = edit(SourceText.Read(fixture.Workspace, source));
        SourceText.Write(fixture.Workspace, source, edited);

        BuildResult build = fixture.Result();

        string error = BuildErrors.AssertReported(build, code, texts);
        BuildErrors.AssertAt(error, source, SourceText.LineOf(edited, $"static {staticName}:"), build);
        BpfObjectAssertions.WroteNoObject(fixture.Workspace, folder, folder, build);
    }

    /// <summary>
    /// maps-legacy's source with one more legacy map, <paramref name="name"/>: a hand-written wrapper of
    /// key type u32 and value type u64 (minimaps' wrappers keep their definitions private) whose
    /// definition says <paramref name="type"/>, <paramref name="keySize"/> and <paramref name="pinning"/>,
    /// looked up by the program so the link keeps it.
    /// </summary>
    private static string WithLegacyMap(string source, string name, int type, int keySize, int pinning, uint maxEntries = 16, string attribute = "#[unsafe(no_mangle)]")
    {
        string declaration = $$"""
            use minimaps::{Array, BPF_ANY, HashMap, PerCpuArray, RingBuf};
            use minicore::ffi::c_void;
            use minicore::{PhantomData, Sync};
            use minimaps::bpf_map_def;

            /// A map wrapper written by hand, as aya's are.
            #[repr(C)]
            pub struct BadMap<K, V> {
                def: bpf_map_def,
                _k: PhantomData<K>,
                _v: PhantomData<V>,
            }

            unsafe impl<K, V> Sync for BadMap<K, V> {}

            {{attribute}}
            #[unsafe(link_section = "maps")]
            static {{name}}: BadMap<u32, u64> = BadMap {
                def: bpf_map_def { type_: {{type}}, key_size: {{keySize}}, value_size: 8, max_entries: {{maxEntries}}, map_flags: 0, id: 0, pinning: {{pinning}} },
                _k: PhantomData,
                _v: PhantomData,
            };
            """;
        string lookup = $$"""
                let key = 0u32;
                let _ = unsafe {
                    minimaps::helpers::bpf_map_lookup_elem(&{{name}} as *const BadMap<u32, u64> as *mut c_void, &key as *const u32 as *const c_void)
                };
            """;
        string withDeclaration = SourceText.ReplaceOnce(source, "use minimaps::{Array, BPF_ANY, HashMap, PerCpuArray, RingBuf};", declaration);
        return SourceText.ReplaceOnce(withDeclaration, "    let key = 0u32;", lookup);
    }
}
