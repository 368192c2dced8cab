namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The verifier's func_info and line_info rules (check_btf_func, check_btf_line) per ELF section: the
/// first function starts at instruction 0, functions are strictly increasing, each points at a FUNC,
/// and each function's first instruction has a line_info record. .BTF.ext stores byte offsets;
/// messages give instruction indexes (bytes / 8) as the verifier, which sees libbpf's converted records, does.
/// </summary>
internal static class BtfExtValidator
{
    private const uint InstructionSize = 8;

    public static IReadOnlyList<BtfExtViolation> Validate(BtfExtData ext, BtfData btf)
    {
        var violations = new List<BtfExtViolation>();
        foreach (var section in ext.FuncInfo)
        {
            var lines = ext.LineInfo.FirstOrDefault(l => l.SectionName == section.SectionName)?.Records ?? [];
            var lineStarts = lines.Select(l => l.InstructionOffset).ToHashSet();
            uint? previous = null;
            for (int i = 0; i < section.Records.Count; i++)
            {
                var record = section.Records[i];
                uint insn = record.InstructionOffset / InstructionSize;
                string? problem = Problem(record, i, previous, btf);
                if (problem is null && !lineStarts.Contains(record.InstructionOffset))
                {
                    problem = $"missing bpf_line_info for func#{i}";
                }

                if (problem is not null)
                {
                    violations.Add(new BtfExtViolation(section.SectionName, insn, problem));
                }

                previous = insn;
            }
        }

        return violations;
    }

    private static string? Problem(BtfFuncInfo record, int index, uint? previous, BtfData btf)
    {
        uint insn = record.InstructionOffset / InstructionSize;
        if (record.InstructionOffset % InstructionSize != 0)
        {
            return $"func_info insn_off {record.InstructionOffset} is not a multiple of the 8-byte instruction size";
        }

        if (index == 0 && insn != 0)
        {
            return $"nonzero insn_off {insn} for the first func info record";
        }

        if (previous is { } prev && insn <= prev)
        {
            return $"same or smaller insn offset ({insn}) than previous func info record ({prev})";
        }

        return btf.TypeById(record.TypeId) is BtfFuncType ? null : $"invalid type id {record.TypeId}";
    }
}
