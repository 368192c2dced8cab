namespace Aya.Bpf.Tests.Fuzz;

/// <summary>Every reader of untrusted bytes, by the name the fuzz runner takes.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        BitcodeFuzz.Target,
        ArchiveFuzz.Target,
        ElfFuzz.Target,
        BtfFuzz.Target,
        BtfExtFuzz.Target,
        MapDefinitionFuzz.Target,
        LegacyMapDefinitionFuzz.Target,
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
