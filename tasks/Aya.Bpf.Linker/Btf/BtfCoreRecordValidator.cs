namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The CO-RE records of .BTF.ext as libbpf takes them at load time (bpf_object__relocate_core): each names
/// an instruction of an executable section, a relocation kind, a named local root type (any type for
/// local_type_id) and an access string that libbpf parses and walks against the local BTF
/// (<see cref="BtfCoreLocalSpec"/>). A record libbpf refuses fails the whole load. A record of a section
/// or instruction that is not there libbpf skips silently, leaving the instruction unrelocated: that is
/// refused here too, as no correct link writes one.
/// </summary>
internal static class BtfCoreRecordValidator
{
    private const uint InstructionSize = 8;

    /// <param name="codeSections">The object's executable sections by name, with their sizes in bytes.</param>
    public static IReadOnlyList<BtfExtViolation> Validate(BtfExtData ext, BtfData btf, IReadOnlyDictionary<string, uint> codeSections)
    {
        var violations = new List<BtfExtViolation>();
        var spec = new BtfCoreLocalSpec(btf);
        foreach (var section in ext.CoreRelocations)
        {
            if (!codeSections.TryGetValue(section.SectionName, out uint sectionSize))
            {
                violations.Add(new BtfExtViolation(section.SectionName, 0,
                    $"{section.Records.Count} CO-RE relocations for a section that is not an executable section of the object: libbpf would skip them"));
                continue;
            }

            for (int i = 0; i < section.Records.Count; i++)
            {
                var record = section.Records[i];
                uint insn = record.InstructionOffset / InstructionSize;
                if (Problem(record, sectionSize, btf, spec) is { } problem)
                    violations.Add(new BtfExtViolation(section.SectionName, insn, $"relo #{i}: insn #{insn} {Subject(record, btf)}: {problem}"));
            }
        }

        return violations;
    }

    private static string? Problem(BtfCoreRelocation record, uint sectionSize, BtfData btf, BtfCoreLocalSpec spec)
    {
        if (record.InstructionOffset % InstructionSize != 0)
            return $"insn_off {record.InstructionOffset} is not a multiple of the 8-byte instruction size";
        if (record.InstructionOffset >= sectionSize)
            return $"the instruction is past the end of the section ({sectionSize / InstructionSize} instructions): libbpf would skip the record";
        if (!BtfCoreRelocationKinds.IsKnown(record.Kind))
            return $"unrecognized CO-RE relocation kind {(uint)record.Kind}";
        if (!btf.IsValidId(record.TypeId))
            return $"type id {record.TypeId} is past the last type ({btf.Types.Count})";
        var root = btf.TypeById(record.TypeId);
        if (root is not null && root.Name is null)
            return "the root type's name offset is outside the .BTF string section";
        // libbpf looks for target candidates by the root's name; local_type_id alone needs no candidates.
        if (string.IsNullOrEmpty(root?.Name) && record.Kind != BtfCoreRelocationKind.TypeIdLocal)
            return "target candidate search failed: libbpf relocates only named root types";
        if (BtfCoreRelocationKinds.IsTypeBased(record.Kind))
            return record.AccessString == "0" ? spec.TypeProblem(record.TypeId, record.Kind) : "a type relocation's access string must be \"0\"";

        var indexes = BtfCoreAccessString.TryParse(record.AccessString, out string? accessProblem);
        if (indexes is null)
            return accessProblem;
        return BtfCoreRelocationKinds.IsEnumValueBased(record.Kind)
            ? spec.EnumValueProblem(record.TypeId, indexes)
            : spec.FieldProblem(record.TypeId, indexes, record.Kind);
    }

    /// <summary>What libbpf's log names a record by: <c>&lt;byte_off&gt; [5] STRUCT ethhdr + 0:1</c>.</summary>
    private static string Subject(BtfCoreRelocation record, BtfData btf)
    {
        string kind = BtfCoreRelocationKinds.IsKnown(record.Kind)
            ? BtfCoreRelocationKinds.Name(record.Kind)
            : $"unknown ({(uint)record.Kind})";
        return $"<{kind}> {new LibbpfTypeResolver(btf).Describe(record.TypeId)} + {record.AccessString ?? "<?>"}";
    }
}
