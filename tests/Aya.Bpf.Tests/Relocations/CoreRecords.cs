using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.CInputs;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// The CO-RE records of one object, section by section, each as <c>KIND SPEC</c> (see <see cref="CoreAccessSpec"/>),
/// sorted: records compare as multisets, in whatever order the compiler emitted them. A record whose
/// local type is one of <c>rawAccessTypes</c> also carries its raw access string, <c>(0:4)</c>, for types
/// declared member for member alike in the objects compared, where the indexes must agree too.
/// </summary>
internal sealed class CoreRecords
{
    private readonly Dictionary<string, string[]> _bySection;

    private CoreRecords(Dictionary<string, string[]> bySection) => _bySection = bySection;

    /// <summary>The sections holding CO-RE records, in ordinal order.</summary>
    public IEnumerable<string> Sections => _bySection.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads the records of <paramref name="objectPath"/> and resolves each against the object's own BTF.</summary>
    public static CoreRecords Read(string objectPath, IReadOnlySet<string> rawAccessTypes)
    {
        ObjectBtf btf = ObjectBtf.Read(objectPath);
        return new(btf.Ext.CoreRelocations
            .GroupBy(section => section.SectionName, StringComparer.Ordinal)
            .ToDictionary(
                sections => sections.Key,
                sections => sections.SelectMany(section => section.Records).Select(record => Describe(btf.Btf, record, rawAccessTypes)).Order(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal));
    }

    /// <summary>The records of <paramref name="section"/>, sorted; none when it has no CO-RE records.</summary>
    public IReadOnlyList<string> Of(string section) => _bySection.GetValueOrDefault(section, []);

    /// <summary>
    /// What tells <paramref name="ours"/> from <paramref name="theirs"/> in <paramref name="section"/>: the
    /// records only one side has (counted, as multisets) and both sides in full; null when they agree.
    /// </summary>
    public static string? Difference(string section, (string Name, CoreRecords Records) ours, (string Name, CoreRecords Records) theirs)
    {
        IReadOnlyList<string> mine = ours.Records.Of(section);
        IReadOnlyList<string> other = theirs.Records.Of(section);
        if (mine.SequenceEqual(other, StringComparer.Ordinal))
        {
            return null;
        }

        return string.Join(
            Environment.NewLine,
            $"section '{section}': the CO-RE records differ.",
            $"only in {ours.Name}: {List(Without(mine, other))}",
            $"only in {theirs.Name}: {List(Without(other, mine))}",
            $"{ours.Name} ({mine.Count}): {List(mine)}",
            $"{theirs.Name} ({other.Count}): {List(other)}");
    }

    private static string Describe(BtfData btf, BtfCoreRelocation record, IReadOnlySet<string> rawAccessTypes)
    {
        string described = $"{record.Kind} {CoreAccessSpec.Of(btf, record)}";
        string? localType = btf.TypeById(record.TypeId)?.Name;
        return localType is not null && rawAccessTypes.Contains(localType) ? $"{described} ({record.AccessString})" : described;
    }

    // The multiset difference: each record of `from` as many more times as it occurs there than in `subtracted`.
    private static List<string> Without(IReadOnlyList<string> from, IReadOnlyList<string> subtracted)
    {
        List<string> left = [.. from];
        foreach (string record in subtracted)
        {
            left.Remove(record);
        }

        return left;
    }

    private static string List(IReadOnlyList<string> records) =>
        records.Count == 0 ? "(none)" : string.Join("; ", records);
}
