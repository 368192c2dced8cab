using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Linker.Skeleton;

/// <summary>
/// Reads what a skeleton needs from a BPF object, as libbpf will see it: programs are the GLOBAL
/// functions of its code sections other than <c>.text</c>, maps the VARs of <c>.maps</c>, and globals
/// the non-static VARs of its data sections at their ELF symbols' offsets (libbpf takes them from
/// there, not from the DATASEC).
/// </summary>
internal static class SkeletonObjectReader
{
    private static readonly string[] DataSectionPrefixes = [".rodata", ".data", ".bss"];

    /// <summary>The object's skeleton model; null with the reason when the object has nothing to read it from.</summary>
    public static SkeletonObject? Read(string fileName, byte[] elf, out string? error)
    {
        error = null;
        var sections = BtfSections.TryRead(elf);
        if (sections is null)
        {
            error = "it is not a readable ELF object";
            return null;
        }
        if (sections.Btf is null)
        {
            error = "it has no .BTF section, which the skeleton's types come from";
            return null;
        }
        if (!BtfReader.TryRead(sections.Btf, out var btf, out var readError) || btf is null)
        {
            error = $"its .BTF section cannot be read ({readError})";
            return null;
        }
        return new SkeletonObject(fileName, btf, Programs(sections), Maps(btf), DataSections(btf, sections.GlobalDataSymbols));
    }

    private static List<SkeletonProgram> Programs(BtfSections sections) =>
        [.. sections.GlobalFunctions
            .Where(function => function.Name.Length > 0 && function.Executable && function.Section != ".text")
            .Select(function => new SkeletonProgram(function.Name, function.Section))
            .DistinctBy(program => program.Name)];

    private static List<SkeletonMap> Maps(BtfData btf)
    {
        if (btf.Types.OfType<BtfDatasecType>().FirstOrDefault(d => d.Name == MapBtfValidator.SectionName) is not { } section)
            return [];
        var sizes = new BtfTypeSizes(btf);
        var reader = new MapDefinitionReader(btf, sizes);
        var ignored = new List<MapViolation>();
        var maps = new List<SkeletonMap>();
        foreach (var entry in section.Entries)
        {
            if (btf.TypeById(entry.Type) is not BtfVarType { Name: { Length: > 0 } name } variable
                || sizes.SkipModifiers(variable.Type) is not BtfCompositeType { IsUnion: false } definition)
                continue;
            // The link checked these definitions already; a skeleton only reads them.
            var map = reader.Read(definition, name, isInner: false, new MapReport(name, entry.Type, ignored));
            maps.Add(new SkeletonMap(name, map.Type ?? 0, map.HasValues ? null : map.KeyTypeId, map.HasValues ? null : map.ValueTypeId));
        }
        return maps;
    }

    private static List<SkeletonSection> DataSections(BtfData btf, IReadOnlyDictionary<string, uint> symbols) =>
        [.. btf.Types.OfType<BtfDatasecType>()
            .Where(section => section.Name is { } name && DataSectionPrefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal)))
            .Select(section => new SkeletonSection(section.Name!, Variables(btf, section, symbols)))
            .Where(section => section.Variables.Count > 0)];

    private static List<SkeletonVariable> Variables(BtfData btf, BtfDatasecType section, IReadOnlyDictionary<string, uint> symbols) =>
        [.. section.Entries
            .Select(entry => (Entry: entry, Var: btf.TypeById(entry.Type) as BtfVarType))
            .Where(v => v.Var is { Name: { Length: > 0 }, Linkage: not (uint)BtfVarLinkage.Static })
            .Select(v => new SkeletonVariable(v.Var!.Name!, v.Var.Type, symbols.TryGetValue(v.Var.Name!, out var offset) ? offset : v.Entry.Offset))];
}
