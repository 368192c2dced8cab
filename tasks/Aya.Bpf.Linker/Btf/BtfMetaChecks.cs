namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's first pass (btf_check_all_metas and each kind's check_meta): what one type says about
/// itself, before references are followed. Like the kernel, a type's checks stop at its first problem.
/// </summary>
internal sealed class BtfMetaChecks(BtfData btf, BtfKernelFacts facts, BtfValidationOptions options, BtfViolationLog log)
{
    /// <summary>BTF_INFO_MASK: bits of btf_type.info that must be zero.</summary>
    private const uint InfoMask = 0x9f00ffff;

    private readonly BtfCompositeMetaChecks composites = new(btf, facts, options, log);

    /// <summary>Checks one type; false when it has a problem (the caller then skips its later checks).</summary>
    public bool Check(BtfType type)
    {
        if ((type.Header.Info & ~InfoMask) != 0)
        {
            log.Bare(type, $"Invalid btf_info:{type.Header.Info:x}");
            return false;
        }

        if (!facts.Knows(type.Kind))
        {
            // The kernel's words first; then what the kernel does not say: which kind, and since when.
            var known = type.Kind is not BtfKind.Unknown && type.Kind <= BtfKindNames.Newest
                ? $" ({BtfKindNames.Of(type.Kind)} '{BtfLogLine.DisplayName(type)}': kernels know {BtfKindNames.Of(type.Kind)} from {BtfKernelFacts.FirstKernel(type.Kind)}, " +
                  $"and BpfKernelBaseline is {facts.Baseline}: raise it if the program only runs on such kernels, or avoid the type)"
                : "";
            log.Bare(type, $"Invalid kind:{(int)type.Kind}{known}");
            return false;
        }

        if (!btf.Strings.IsValidOffset(type.Header.NameOffset) || type.Name is null)
        {
            log.Bare(type, $"Invalid name_offset:{type.Header.NameOffset}");
            return false;
        }

        string? problem = type switch
        {
            BtfReferenceType r => CheckReference(r),
            BtfFwdType f => CheckFwd(f),
            BtfArrayType a => CheckArray(a),
            BtfFuncType f => CheckFunc(f),
            BtfFuncProtoType p => p.Header.NameOffset != 0 ? "Invalid name" : KindFlagProblem(p),
            BtfVarType v => CheckVar(v),
            BtfFloatType f => CheckFloat(f),
            BtfDeclTagType t => CheckDeclTag(t),
            _ => null,
        };
        if (problem is not null)
        {
            log.Type(type, problem);
            return false;
        }

        return type switch
        {
            BtfIntType i => CheckInt(i),
            BtfCompositeType c => composites.CheckComposite(c),
            BtfEnumType e => composites.CheckEnum(e),
            BtfDatasecType d => composites.CheckDatasec(d),
            _ => true,
        };
    }

    private bool CheckInt(BtfIntType type)
    {
        if ((type.IntData & ~0x0fffffffu) != 0 && VlenOrKindFlagProblem(type) is null)
        {
            // Logged without details: they would decode the bad word.
            log.Basic(type, $"Invalid int_data:{type.IntData:x}");
            return false;
        }

        string? problem = IntProblem(type);
        if (problem is not null)
        {
            log.Type(type, problem);
        }

        return problem is null;
    }

    private static string? IntProblem(BtfIntType type)
    {
        if (VlenOrKindFlagProblem(type) is { } problem)
        {
            return problem;
        }

        int bits = type.Bits + type.BitOffset;
        if (bits > 128)
        {
            return "nr_bits exceeds 128";
        }

        if ((bits + 7) / 8 > type.Size)
        {
            return "nr_bits exceeds type_size";
        }

        // Only one encoding bit: the kernel pretty-prints from it and refuses combinations.
        return type.Encoding is 0 or BtfIntType.Signed or BtfIntType.Char or BtfIntType.Bool ? null : "Unsupported encoding";
    }

    private string? CheckReference(BtfReferenceType type)
    {
        if (VlenOrKindFlagProblem(type) is { } problem)
        {
            return problem;
        }

        return type.Kind switch
        {
            BtfKind.Typedef => IsIdentifier(type) ? null : "Invalid name",
            // A type tag's name is its value ("user", "percpu"): any non-empty text.
            BtfKind.TypeTag => string.IsNullOrEmpty(type.Name) ? "Invalid name" : null,
            _ => type.Header.NameOffset != 0 ? "Invalid name" : null,
        };
    }

    private string? CheckFwd(BtfFwdType type)
    {
        if (type.Vlen != 0)
        {
            return "vlen != 0";
        }

        if (type.Header.SizeOrType != 0)
        {
            return "type != 0";
        }

        return IsIdentifier(type) ? null : "Invalid name";
    }

    private static string? CheckArray(BtfArrayType type)
    {
        if (type.Header.NameOffset != 0)
        {
            return "Invalid name";
        }

        if (VlenOrKindFlagProblem(type) is { } problem)
        {
            return problem;
        }

        if (type.Header.SizeOrType != 0)
        {
            return "size != 0";
        }

        // Neither element nor index may be void.
        return type.ElementType == 0 ? "Invalid elem" : type.IndexType == 0 ? "Invalid index" : null;
    }

    private string? CheckFunc(BtfFuncType type)
    {
        if (!IsIdentifier(type))
        {
            return "Invalid name";
        }

        if (!facts.FuncLinkage && type.Vlen != 0)
        {
            return "vlen != 0";
        }

        // BTF_FUNC_EXTERN (2) is refused: only static and global functions can be loaded.
        if (type.Vlen > (int)BtfFuncLinkage.Global)
        {
            return "Invalid func linkage";
        }

        return KindFlagProblem(type);
    }

    private string? CheckVar(BtfVarType type)
    {
        if (VlenOrKindFlagProblem(type) is { } problem)
        {
            return problem;
        }

        // VAR names may hold '.' on every kernel (LLVM names function-local statics "func.var").
        if (!IsIdentifier(type, dotAllowed: true))
        {
            return "Invalid name";
        }

        if (type.Type == 0)
        {
            return "Invalid type_id";
        }

        return type.Linkage is (uint)BtfVarLinkage.Static or (uint)BtfVarLinkage.GlobalAllocated ? null : "Linkage not supported";
    }

    private static string? CheckFloat(BtfFloatType type) =>
        VlenOrKindFlagProblem(type) ?? (type.Size is 2 or 4 or 8 or 12 or 16 ? null : "Invalid type_size");

    private static string? CheckDeclTag(BtfDeclTagType type)
    {
        if (string.IsNullOrEmpty(type.Name))
        {
            return "Invalid value";
        }

        return VlenOrKindFlagProblem(type) ?? (type.ComponentIndex < -1 ? "Invalid component_idx" : null);
    }

    private bool IsIdentifier(BtfType type, bool dotAllowed = false) =>
        type.Header.NameOffset != 0
        && btf.Strings.RawAt(type.Header.NameOffset) is { } raw
        && BtfNameRules.IsIdentifier(raw.Span, facts, dotAllowed);

    private static string? VlenOrKindFlagProblem(BtfType type) => type.Vlen != 0 ? "vlen != 0" : KindFlagProblem(type);

    private static string? KindFlagProblem(BtfType type) => type.KindFlag ? "Invalid btf_info kind_flag" : null;
}
