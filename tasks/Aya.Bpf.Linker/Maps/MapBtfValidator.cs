using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// libbpf's rules for BTF-defined maps (bpf_object__init_user_btf_maps, bpf_object__init_user_btf_map,
/// parse_btf_map_def in src/libbpf.c), plus the map creation rules of the kernel that follow from the
/// map type, applied to every VAR of the DATASEC named <c>.maps</c>. Where libbpf stops at the first
/// problem, this reports them all (though not what follows from one: a map whose VAR or STRUCT is
/// unusable is not read further).
/// </summary>
internal static class MapBtfValidator
{
    /// <summary>The ELF section, and DATASEC, of BTF-defined maps.</summary>
    public const string SectionName = ".maps";

    /// <summary>The characters of a map name the kernel keeps: BPF_OBJ_NAME_LEN (16) less the NUL.</summary>
    public const int KernelNameLength = 15;

    public static IReadOnlyList<MapViolation> Validate(BtfData btf)
    {
        var violations = new List<MapViolation>();
        if (btf.Types.OfType<BtfDatasecType>().FirstOrDefault(d => d.Name == SectionName) is not { } section)
        {
            return violations;
        }

        var sizes = new BtfTypeSizes(btf);
        var reader = new MapDefinitionReader(btf, sizes);
        for (int i = 0; i < section.Entries.Count; i++)
        {
            CheckMap(btf, sizes, reader, section.Entries[i], i, violations);
        }

        return violations;
    }

    /// <summary>
    /// A warning when the kernel will not see <paramref name="mapName"/> as it is: it keeps the first 15
    /// characters, and it refuses (EINVAL at map creation) names with characters outside [A-Za-z0-9_.]
    /// in those. Null when the name is kept whole.
    /// </summary>
    public static string? KernelNameWarning(string mapName)
    {
        string kept = mapName.Length > KernelNameLength ? mapName[..KernelNameLength] : mapName;
        string refused = string.Join(", ", kept.Where(c => !IsKernelNameChar(c)).Distinct().Select(c => $"'{c}'"));
        string truncation = kept.Length < mapName.Length
            ? $"is {mapName.Length} characters long; the kernel keeps the first {KernelNameLength} and will see '{kept}'"
            : "";
        if (refused.Length > 0)
        {
            string also = truncation.Length > 0 ? $"; it also {truncation}" : "";
            return $"map name '{mapName}' has characters the kernel refuses in map names ({refused}; only A-Z, a-z, 0-9, '_' and '.' are allowed): creating the map fails with EINVAL{also}.";
        }

        return truncation.Length > 0 ? $"map name '{mapName}' {truncation}." : null;
    }

    private static bool IsKernelNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    private static void CheckMap(BtfData btf, BtfTypeSizes sizes, MapDefinitionReader reader, BtfDatasecEntry entry, int index, List<MapViolation> violations)
    {
        var type = btf.TypeById(entry.Type);
        if (type?.Name is not { Length: > 0 } name)
        {
            new MapReport($"#{index}", entry.Type, violations).Add($"map #{index}: empty name.");
            return;
        }

        var report = new MapReport(name, entry.Type, violations);
        if (type is not BtfVarType variable)
        {
            report.Add($"map '{name}': unexpected var kind {MapBtfText.KindOf(type)}.");
            return;
        }

        if (variable.Linkage != (uint)BtfVarLinkage.GlobalAllocated)
        {
            report.Add($"map '{name}': unsupported map linkage {MapBtfText.LinkageOf(variable.Linkage)}.");
        }

        var def = sizes.SkipModifiers(variable.Type);
        if (def is not BtfCompositeType { IsUnion: false } definition)
        {
            report.Add($"map '{name}': unexpected def kind {MapBtfText.KindOf(def)}.");
            return;
        }

        if (definition.Size > entry.Size)
        {
            report.Add($"map '{name}': invalid def size ({definition.Size} bytes, {entry.Size} in the section).");
        }

        var map = reader.Read(definition, name, isInner: false, report);
        MapDefinitionRules.Check(map, name, report);
        if (map.Inner is { } inner)
        {
            MapDefinitionRules.Check(inner, $"{name}.inner", report);
        }
    }
}
