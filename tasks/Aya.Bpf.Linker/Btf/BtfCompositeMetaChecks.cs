namespace Aya.Bpf.Linker.Btf;

/// <summary>First-pass checks of the kinds with a list: STRUCT/UNION members, ENUM values, DATASEC entries.</summary>
internal sealed class BtfCompositeMetaChecks(BtfData btf, BtfKernelFacts facts, BtfValidationOptions options, BtfViolationLog log)
{
    public bool CheckComposite(BtfCompositeType type)
    {
        if (!IsOptionalIdentifier(type.Header.NameOffset))
        {
            log.Type(type, "Invalid name");
            return false;
        }

        uint lastOffset = 0;
        foreach (var member in type.Members)
        {
            string? problem = MemberProblem(type, member, lastOffset);
            if (problem is not null)
            {
                log.Member(type, member, problem);
                return false;
            }

            lastOffset = member.BitOffset;
        }

        return true;
    }

    public bool CheckEnum(BtfEnumType type)
    {
        // Before 6.0 kind_flag had no meaning on ENUM and was refused first.
        if (type.Kind == BtfKind.Enum && type.KindFlag && !facts.SignedEnums)
        {
            log.Type(type, "Invalid btf_info kind_flag");
            return false;
        }

        if (type.Size > 8 || !uint.IsPow2(type.Size))
        {
            log.Type(type, "Unexpected size");
            return false;
        }

        if (!IsOptionalIdentifier(type.Header.NameOffset))
        {
            log.Type(type, "Invalid name");
            return false;
        }

        foreach (var value in type.Values)
        {
            if (!btf.Strings.IsValidOffset(value.NameOffset) || value.Name is null)
            {
                log.Component(type, null, $"Invalid name_offset:{value.NameOffset}");
                return false;
            }

            // Enumerators must be named; the kernel names the enum, not the enumerator.
            if (value.NameOffset == 0 || !IsOptionalIdentifier(value.NameOffset))
            {
                log.Component(type, value.Name, "Invalid name");
                return false;
            }
        }

        return true;
    }

    public bool CheckDatasec(BtfDatasecType type)
    {
        uint size = DatasecSizes.AsKernelSees(type, options);
        bool sizeKnown = size != 0 || options.SectionSizes.ContainsKey(type.Name ?? "");
        if (sizeKnown && size == 0)
        {
            log.Type(type, "size == 0");
            return false;
        }

        if (type.KindFlag)
        {
            log.Type(type, "Invalid btf_info kind_flag");
            return false;
        }

        if (type.Header.NameOffset == 0 || btf.Strings.RawAt(type.Header.NameOffset) is not { } raw || !BtfNameRules.IsSectionName(raw.Span, facts))
        {
            log.Type(type, "Invalid name");
            return false;
        }

        ulong lastEnd = 0;
        ulong sum = 0;
        foreach (var entry in DatasecSizes.EntriesAsKernelSees(type, btf, options))
        {
            string? problem = EntryProblem(entry, size, sizeKnown, lastEnd);
            if (problem is not null)
            {
                log.Entry(type, entry, btf.TypeById(entry.Type), problem);
                return false;
            }

            lastEnd = (ulong)entry.Offset + entry.Size;
            sum += entry.Size;
        }

        if (sizeKnown && size < sum)
        {
            log.Type(type, "Invalid btf_info size");
            return false;
        }

        return true;
    }

    private string? MemberProblem(BtfCompositeType type, BtfMember member, uint lastOffset)
    {
        if (!btf.Strings.IsValidOffset(member.NameOffset) || member.Name is null)
        {
            return $"Invalid member name_offset:{member.NameOffset}";
        }

        if (!IsOptionalIdentifier(member.NameOffset))
        {
            return "Invalid name";
        }

        if (member.Type == 0 || member.Type > BtfHeaderChecks.MaxTypes)
        {
            return "Invalid type_id";
        }

        uint offset = member.BitOffset;
        // Union members all start at 0; struct members may not go backwards ("char a[0]" may repeat the last offset).
        if ((type.IsUnion && offset != 0) || lastOffset > offset)
        {
            return "Invalid member bits_offset";
        }

        return (offset + 7L) / 8 > type.Size ? "Member bits_offset exceeds its struct size" : null;
    }

    private static string? EntryProblem(BtfDatasecEntry entry, uint size, bool sizeKnown, ulong lastEnd)
    {
        if (entry.Type == 0 || entry.Type > BtfHeaderChecks.MaxTypes)
        {
            return "Invalid type_id";
        }

        if (entry.Offset < lastEnd || (sizeKnown && entry.Offset >= size))
        {
            return "Invalid offset";
        }

        if (entry.Size == 0 || (sizeKnown && entry.Size > size))
        {
            return "Invalid size";
        }

        return sizeKnown && (ulong)entry.Offset + entry.Size > size ? "Invalid offset+size" : null;
    }

    private bool IsOptionalIdentifier(uint nameOffset) =>
        nameOffset == 0 || (btf.Strings.RawAt(nameOffset) is { } raw && BtfNameRules.IsIdentifier(raw.Span, facts));
}
