namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A map a fixture declares, and what `bpftool map show` must report once libbpf has created it.
/// </summary>
/// <param name="Name">The name in the source (and the object's BTF); the kernel keeps its first 15 characters.</param>
/// <param name="Type">bpftool's name for the map type.</param>
/// <param name="KeySize">bytes_key.</param>
/// <param name="ValueSize">bytes_value.</param>
/// <param name="MaxEntries">max_entries.</param>
/// <param name="WithBtf">
/// True when libbpf hands the kernel the map's BTF, so the map must carry a btf_id. libbpf 1.x
/// creates some types without it whatever the object holds (perf_event_array, stack_trace,
/// array_of_maps, devmap, cpumap, xskmap, sockmap, sockhash, queue, stack), and a ring buffer has
/// no key or value type for the kernel to keep.
/// </param>
/// <param name="NoPrealloc">True when the definition sets BPF_F_NO_PREALLOC (map_flags bit 1).</param>
internal sealed record ExpectedMap(string Name, string Type, long KeySize, long ValueSize, long MaxEntries, bool WithBtf = true, bool NoPrealloc = false)
{
    /// <summary>BPF_OBJ_NAME_LEN less the terminating NUL.</summary>
    public const int KernelNameLength = 15;

    private const long NoPreallocFlag = 1;

    /// <summary>The name the kernel gives the map.</summary>
    public string KernelName => Name.Length > KernelNameLength ? Name[..KernelNameLength] : Name;

    /// <summary>
    /// Fails the test unless <paramref name="loaded"/> holds exactly the <paramref name="expected"/> maps,
    /// each created (as libbpf's log says) with the expected type, sizes, flag and BTF.
    /// </summary>
    public static void AssertCreated(LoadedObject loaded, IReadOnlyList<ExpectedMap> expected)
    {
        CollectionAssert.AreEquivalent(
            expected.Select(map => map.KernelName).ToArray(),
            loaded.Maps.Select(map => map.Name).ToArray(),
            $"maps in the kernel: [{string.Join(", ", loaded.Maps)}]. {loaded.Result.Describe()}");
        foreach (ExpectedMap map in expected)
        {
            map.AssertCreated(loaded);
        }
    }

    /// <summary>Fails the test unless <paramref name="loaded"/> holds this map, created with the expected type, sizes, flag and BTF.</summary>
    public void AssertCreated(LoadedObject loaded)
    {
        string context = $"map {Name}. {loaded.Result.Describe()}";
        Assert.Contains($"libbpf: map '{Name}': created successfully", loaded.Result.Log, context);
        LoadedMap actual = loaded.Map(KernelName);
        Assert.AreEqual(
            (Type, KeySize, ValueSize, MaxEntries, NoPrealloc),
            (actual.Type, actual.KeySize, actual.ValueSize, actual.MaxEntries, (actual.Flags & NoPreallocFlag) != 0),
            $"(type, bytes_key, bytes_value, max_entries, BPF_F_NO_PREALLOC) of {actual}, expected as in {this}: {context}");
        if (WithBtf)
        {
            Assert.IsTrue(actual.BtfId is > 0, $"{actual} was created without BTF: {context}");
        }
    }
}
