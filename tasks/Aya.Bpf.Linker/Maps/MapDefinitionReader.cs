using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// Reads a map definition STRUCT member by member as libbpf's parse_btf_map_def does, reporting each
/// member libbpf would refuse (libbpf stops at the first; this goes on to the next member).
/// </summary>
internal sealed partial class MapDefinitionReader(BtfData btf, BtfTypeSizes sizes)
{
    public BtfMapDefinition Read(BtfCompositeType def, string name, bool isInner, MapReport report)
    {
        var map = new BtfMapDefinition();
        for (int i = 0; i < def.Members.Count; i++)
        {
            var member = def.Members[i];
            if (!ReadMember(member, i, def.Members.Count, name, isInner, map, report) && member.Name is { Length: > 0 } field)
            {
                map.Unreadable.Add(field);
            }
        }

        return map;
    }

    /// <summary>Reads one member into <paramref name="map"/>; false when it was reported.</summary>
    private bool ReadMember(BtfMember member, int index, int count, string name, bool isInner, BtfMapDefinition map, MapReport report)
    {
        switch (member.Name)
        {
            case null:
                report.Add($"map '{name}': invalid field #{index}.");
                return false;
            case "":
                report.Add($"map '{name}': unknown field '' (field #{index} has no name).");
                return false;
            case "type":
                return Set(ReadInt(member, name, report), v => map.Type = v);
            case "max_entries":
                return Set(ReadInt(member, name, report), v => map.MaxEntries = v);
            case "map_flags":
                return Set(ReadInt(member, name, report), v => map.MapFlags = v);
            case "numa_node":
                return Set(ReadInt(member, name, report), v => map.NumaNode = v);
            case "key_size":
                return Set(ReadInt(member, name, report), v => map.KeySize = v);
            case "value_size":
                return Set(ReadInt(member, name, report), v => map.ValueSize = v);
            case "map_extra":
                return Set(ReadLong(member, name, report), v => map.MapExtra = v);
            case "key":
                return Set(ReadPointee(member, "key", name, report), v => (map.KeyTypeId, map.KeyTypeSize) = v);
            case "value":
                return Set(ReadPointee(member, "value", name, report), v => (map.ValueTypeId, map.ValueTypeSize) = v);
            case "pinning":
                return ReadPinning(member, name, isInner, map, report);
            case "values":
                return ReadValues(member, index == count - 1, name, isInner, map, report);
            default:
                report.Add($"map '{name}': unknown field '{member.Name}'.");
                return false;
        }
    }

    private static bool Set<T>(T? value, Action<T> store)
        where T : struct
    {
        if (value is { } v)
        {
            store(v);
        }

        return value.HasValue;
    }

    /// <summary>An integer attribute: <c>int (*name)[N]</c>, a PTR (after modifiers) to an ARRAY of N elements.</summary>
    private uint? ReadInt(BtfMember member, string name, MapReport report)
    {
        var type = sizes.SkipModifiers(member.Type);
        if (type is not BtfReferenceType { Kind: BtfKind.Ptr } pointer)
        {
            report.Add($"map '{name}': attr '{member.Name}': expected PTR, got {MapBtfText.KindOf(type)}.");
            return null;
        }

        if (!btf.IsValidId(pointer.Type))
        {
            report.Add($"map '{name}': attr '{member.Name}': type [{pointer.Type}] not found.");
            return null;
        }

        var target = btf.TypeById(pointer.Type);
        if (target is not BtfArrayType array)
        {
            report.Add($"map '{name}': attr '{member.Name}': expected ARRAY, got {MapBtfText.KindOf(target)}.");
            return null;
        }

        return array.Count;
    }

    /// <summary><c>map_extra</c>: an integer attribute, or (libbpf's <c>__ulong</c>) an ENUM/ENUM64 with exactly one value.</summary>
    private ulong? ReadLong(BtfMember member, string name, MapReport report)
    {
        var type = sizes.SkipModifiers(member.Type);
        if (type is BtfReferenceType { Kind: BtfKind.Ptr })
        {
            return ReadInt(member, name, report);
        }

        if (type is not BtfEnumType enumType)
        {
            report.Add($"map '{name}': attr '{member.Name}': expected ENUM or ENUM64, got {MapBtfText.KindOf(type)}.");
            return null;
        }

        if (enumType.Values.Count != 1)
        {
            report.Add($"map '{name}': attr '{member.Name}': invalid __ulong.");
            return null;
        }

        return enumType.Values[0].RawValue;
    }

    /// <summary>
    /// <c>key</c>/<c>value</c>: a PTR (no modifiers allowed) to a type of known size. A size of 0 (Rust's
    /// <c>()</c>) is no key or value, which keyless maps want; the map type's rules judge it.
    /// </summary>
    private (uint, ulong)? ReadPointee(BtfMember member, string what, string name, MapReport report)
    {
        if (!btf.IsValidId(member.Type))
        {
            report.Add($"map '{name}': {what} type [{member.Type}] not found.");
            return null;
        }

        var type = btf.TypeById(member.Type);
        if (type is not BtfReferenceType { Kind: BtfKind.Ptr } pointer)
        {
            report.Add($"map '{name}': {what} spec is not PTR: {MapBtfText.KindOf(type)}.");
            return null;
        }

        if (!sizes.TryGetSize(pointer.Type, out ulong size, out _))
        {
            report.Add($"map '{name}': can't determine {what} size for type [{pointer.Type}].");
            return null;
        }

        return (pointer.Type, size);
    }

    private bool ReadPinning(BtfMember member, string name, bool isInner, BtfMapDefinition map, MapReport report)
    {
        if (isInner)
        {
            report.Add($"map '{name}': inner def can't be pinned.");
            return false;
        }

        if (ReadInt(member, name, report) is not { } pinning)
        {
            return false;
        }

        if (pinning > 1)
        {
            report.Add($"map '{name}': invalid pinning value {pinning}.");
            return false;
        }

        map.Pinning = pinning;
        return true;
    }
}
