using System.Text.Json;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// An object `bpftool prog loadall` put into the kernel, its programs (and, when asked, its maps)
/// pinned in a bpffs directory of its own, so a test can run its programs and read its maps while
/// it stays loaded. Disposing unpins the directory, which unloads the programs and frees the maps
/// nothing else holds; pins libbpf makes elsewhere (maps pinned by name) are the caller's to remove.
/// </summary>
internal sealed class LoadedObject : IDisposable
{
    private readonly string _directory;
    private readonly IReadOnlyList<(LoadedProgram Program, string Pin)> _programs;

    private LoadedObject(string directory, LoadResult result, IReadOnlyList<(LoadedProgram, string)> programs, IReadOnlyList<LoadedMap> maps)
    {
        _directory = directory;
        _programs = programs;
        Result = result;
        Maps = maps;
    }

    /// <summary>What bpftool reported, with the programs it loaded (not run).</summary>
    public LoadResult Result { get; }

    /// <summary>The maps pinned for this load and those its programs use, each once.</summary>
    public IReadOnlyList<LoadedMap> Maps { get; }

    /// <summary>
    /// Loads every program of <paramref name="objectPath"/> and pins them; with <paramref name="pinMaps"/>
    /// (bpftool's <c>pinmaps</c>) pins every map too, so maps no program uses stay alive to be read.
    /// libbpf refuses <c>pinmaps</c> for an object with a map pinned by name ("already has pin path").
    /// </summary>
    public static LoadedObject Load(string objectPath, bool pinMaps)
    {
        BpfFileSystem.EnsureMounted();
        string directory = Path.Combine(BpfFileSystem.MountPoint, $"aya-test-{Guid.NewGuid():N}");
        string programDirectory = Path.Combine(directory, "progs");
        string mapDirectory = Path.Combine(directory, "maps");
        try
        {
            // bpftool creates the pin directories, but not their parent.
            Directory.CreateDirectory(directory);
            ProcessResult load = Bpftool.LoadAllVerbosely(
                [objectPath, programDirectory, .. pinMaps ? (string[])["pinmaps", mapDirectory] : []]);
            string log = load.StandardError + load.StandardOutput;
            if (!load.Succeeded || !Directory.Exists(programDirectory))
            {
                return new LoadedObject(directory, new LoadResult(load.ExitCode, log, []), [], []);
            }

            List<(LoadedProgram, string)> programs = [];
            HashSet<int> mapIds = [];
            foreach (string pin in Directory.EnumerateFileSystemEntries(programDirectory).Order(StringComparer.Ordinal))
            {
                programs.Add((Describe(pin, mapIds), pin));
            }

            IEnumerable<LoadedMap> pinned = pinMaps && Directory.Exists(mapDirectory)
                ? Directory.EnumerateFileSystemEntries(mapDirectory).Order(StringComparer.Ordinal).Select(pin => Bpftool.ShowMap("pinned", pin))
                : [];
            List<LoadedMap> maps = [.. pinned];
            maps.AddRange(mapIds.Where(id => maps.All(map => map.Id != id)).Order().Select(id => Bpftool.ShowMap("id", $"{id}")));

            return new LoadedObject(directory, new LoadResult(load.ExitCode, log, [.. programs.Select(p => p.Item1)]), programs, maps);
        }
        catch
        {
            Bpftool.Unpin(directory);
            throw;
        }
    }

    /// <summary>The loaded map the kernel calls <paramref name="name"/>; fails the test unless there is exactly one.</summary>
    public LoadedMap Map(string name)
    {
        LoadedMap[] found = [.. Maps.Where(map => map.Name == name)];
        Assert.HasCount(1, found, $"maps named {name}: [{string.Join(", ", Maps)}]. {Result.Describe()}");
        return found[0];
    }

    /// <summary>Runs the program the kernel calls <paramref name="programName"/> once on <paramref name="packet"/>; returns its verdict.</summary>
    public long Run(string programName, byte[] packet)
    {
        string? pin = _programs.FirstOrDefault(p => p.Program.Name == programName).Pin;
        Assert.IsNotNull(pin, $"No program named {programName} was loaded. {Result.Describe()}");
        return Bpftool.RunPinned(pin, packet);
    }

    /// <summary>The load's result with every program run once on <paramref name="packet"/>, each run's verdict in its description.</summary>
    public LoadResult RunEach(byte[] packet) =>
        Result with { Programs = [.. _programs.Select(p => p.Program with { TestRunReturnValue = Bpftool.RunPinned(p.Pin, packet) })] };

    /// <summary>
    /// The value under <paramref name="key"/> in the map the kernel calls <paramref name="mapName"/>, as
    /// `bpftool map dump` formats it from the map's BTF: a number, or an object of the value's fields.
    /// Fails the test when the key is missing or the dump is not formatted (the map has no BTF).
    /// </summary>
    public JsonElement FormattedValue(string mapName, long key) => FormattedEntry(mapName, key).GetProperty("value");

    /// <summary>The values of every CPU under <paramref name="key"/> in a per-CPU map, formatted as <see cref="FormattedValue"/> formats one.</summary>
    public IReadOnlyList<JsonElement> FormattedPerCpuValues(string mapName, long key) =>
        [.. FormattedEntry(mapName, key).GetProperty("values").EnumerateArray().Select(cpu => cpu.GetProperty("value"))];

    private JsonElement FormattedEntry(string mapName, long key)
    {
        LoadedMap map = Map(mapName);
        string dump = Bpftool.Run("-j", "map", "dump", "id", $"{map.Id}");
        using JsonDocument entries = JsonDocument.Parse(dump);
        foreach (JsonElement entry in entries.RootElement.EnumerateArray())
        {
            Assert.IsTrue(
                entry.TryGetProperty("formatted", out JsonElement formatted),
                $"bpftool map dump of {mapName} is not formatted, so the map has no BTF for its key and value: {dump}");
            if (formatted.GetProperty("key").ValueKind == JsonValueKind.Number && formatted.GetProperty("key").GetInt64() == key)
            {
                return formatted.Clone();
            }
        }

        Assert.Fail($"{mapName} has no key {key}: {dump}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// The value of global <paramref name="variable"/> in the global data map of <paramref name="section"/>
    /// (<c>.bss</c>, <c>.data</c>, <c>.rodata</c>), as `bpftool map dump` formats it from the section's BTF.
    /// </summary>
    public JsonElement FormattedGlobal(string section, string variable)
    {
        LoadedMap map = Assert.ContainsSingle(Maps.Where(m => m.Name.EndsWith(section, StringComparison.Ordinal)), $"one map for {section}: {string.Join(", ", Maps.Select(m => m.Name))}");
        // One entry, formatted as the section's variables: {"value": {".bss": [{"NAME": 1}, ...]}}.
        string dump = Bpftool.Run("-j", "map", "dump", "id", $"{map.Id}");
        using JsonDocument entries = JsonDocument.Parse(dump);
        JsonElement entry = Assert.ContainsSingle(entries.RootElement.EnumerateArray(), dump);
        Assert.IsTrue(entry.TryGetProperty("formatted", out JsonElement formatted), $"{section} is not formatted, so it has no BTF: {dump}");
        foreach (JsonElement declared in formatted.GetProperty("value").GetProperty(section).EnumerateArray())
        {
            if (declared.TryGetProperty(variable, out JsonElement value))
                return value.Clone();
        }

        Assert.Fail($"{section} has no variable {variable}: {dump}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Fails the test unless the value under <paramref name="key"/> in the map the kernel calls
    /// <paramref name="mapName"/> is formatted (see <see cref="FormattedValue"/>) with the integer fields given.
    /// </summary>
    public void AssertFormattedFields(string mapName, long key, params (string Name, long Value)[] fields)
    {
        JsonElement value = FormattedValue(mapName, key);
        foreach ((string name, long expected) in fields)
        {
            Assert.IsTrue(
                value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out JsonElement field) && field.ValueKind == JsonValueKind.Number,
                $"{mapName}[{key}] has no number field '{name}': {value}");
            Assert.AreEqual(expected, value.GetProperty(name).GetInt64(), $"{mapName}[{key}].{name}: {value}");
        }
    }

    /// <summary>The bytes under <paramref name="key"/> in the map the kernel calls <paramref name="mapName"/>, as the kernel holds them.</summary>
    public byte[] RawValue(string mapName, byte[] key)
    {
        using JsonDocument lookup = Bpftool.Json(["map", "lookup", "id", $"{Map(mapName).Id}", "key", "hex", .. Hex(key)]);
        return [.. lookup.RootElement.GetProperty("value").EnumerateArray().Select(b => Convert.ToByte(b.GetString(), 16))];
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> in the map the kernel calls <paramref name="mapName"/>.</summary>
    public void Update(string mapName, byte[] key, byte[] value) =>
        Bpftool.Run(["map", "update", "id", $"{Map(mapName).Id}", "key", "hex", .. Hex(key), "value", "hex", .. Hex(value)]);

    public void Dispose() => Bpftool.Unpin(_directory);

    private static IEnumerable<string> Hex(byte[] bytes) => bytes.Select(b => $"{b:x2}");

    // `bpftool prog show` names the program and its type, its BTF and the maps it uses.
    private static LoadedProgram Describe(string pin, HashSet<int> mapIds)
    {
        using JsonDocument show = Bpftool.Json("prog", "show", "pinned", pin);
        JsonElement root = show.RootElement;
        string name = root.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? string.Empty : string.Empty;
        string type = root.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? string.Empty : string.Empty;
        int? btfId = root.TryGetProperty("btf_id", out JsonElement b) ? b.GetInt32() : null;
        bool gplCompatible = root.TryGetProperty("gpl_compatible", out JsonElement g) && g.ValueKind == JsonValueKind.True;
        if (root.TryGetProperty("map_ids", out JsonElement ids))
        {
            mapIds.UnionWith(ids.EnumerateArray().Select(id => id.GetInt32()));
        }

        return new LoadedProgram(name, type, btfId, null, gplCompatible);
    }
}
