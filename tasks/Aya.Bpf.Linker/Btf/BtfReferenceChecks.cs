namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's second pass for references (each kind's resolve): referred types exist, are of a
/// usable kind and, where a value is stored, have a size.
/// </summary>
internal sealed class BtfReferenceChecks(BtfData btf, BtfTypeSizes sizes, BtfViolationLog log)
{
    private readonly BtfMemberChecks members = new(btf, sizes, log);

    public void Check(BtfType type)
    {
        switch (type)
        {
            case BtfReferenceType reference:
                CheckPointee(reference, reference.Type);
                break;
            case BtfArrayType array:
                CheckArray(array);
                break;
            case BtfCompositeType composite:
                members.Check(composite);
                break;
            case BtfVarType var:
                if (IsSourceOnlyOrMissing(var.Type) || !sizes.TryGetSize(var.Type, out _, out _))
                {
                    log.Type(var, "Invalid type_id");
                }

                break;
            case BtfDatasecType datasec:
                CheckDatasec(datasec);
                break;
            case BtfDeclTagType tag:
                CheckDeclTag(tag);
                break;
        }
    }

    /// <summary>Modifiers and PTR: the target may be void, FWD, FUNC_PROTO or any sized type, never FUNC or VAR.</summary>
    private void CheckPointee(BtfType type, uint target)
    {
        if (target == 0)
        {
            return;
        }

        if (IsSourceOnlyOrMissing(target))
        {
            log.Type(type, "Invalid type_id");
            return;
        }

        if (!sizes.TryGetSize(target, out _, out _) && sizes.SkipModifiers(target) is { Kind: not (BtfKind.Fwd or BtfKind.FuncProto) })
        {
            log.Type(type, "Invalid type_id");
        }
    }

    private void CheckArray(BtfArrayType array)
    {
        if (IsUnsized(array.IndexType)
            || !sizes.TryGetSize(array.IndexType, out _, out var index)
            || index is not BtfIntType indexInt
            || !BtfTypeSizes.IsRegularInt(indexInt))
        {
            log.Type(array, "Invalid index");
            return;
        }

        if (IsUnsized(array.ElementType) || !sizes.TryGetSize(array.ElementType, out ulong elementSize, out var element))
        {
            log.Type(array, "Invalid elem");
            return;
        }

        if (element is BtfIntType elementInt && !BtfTypeSizes.IsRegularInt(elementInt))
        {
            log.Type(array, "Invalid array of int");
            return;
        }

        if (elementSize * array.Count > uint.MaxValue)
        {
            log.Type(array, "Array size overflows U32_MAX");
        }
    }

    private void CheckDatasec(BtfDatasecType datasec)
    {
        foreach (var entry in datasec.Entries)
        {
            if (btf.TypeById(entry.Type) is not BtfVarType var)
            {
                log.Entry(datasec, entry, null, "Not a VAR kind member");
                return;
            }

            if (!sizes.TryGetSize(var.Type, out ulong size, out _))
            {
                log.Entry(datasec, entry, var, "Invalid type");
                return;
            }

            if (entry.Size < size)
            {
                log.Entry(datasec, entry, var, "Invalid size");
                return;
            }
        }
    }

    private void CheckDeclTag(BtfDeclTagType tag)
    {
        var target = btf.TypeById(tag.Type);
        if (target is not (BtfFuncType or BtfCompositeType or BtfVarType or BtfReferenceType { Kind: BtfKind.Typedef }))
        {
            log.Type(tag, "Invalid type_id");
            return;
        }

        if (tag.ComponentIndex == -1)
        {
            return;
        }

        // A component is a member of a struct/union or a parameter of a function.
        int components = target switch
        {
            BtfCompositeType composite => composite.Members.Count,
            BtfFuncType func => (btf.TypeById(func.Type) as BtfFuncProtoType)?.Params.Count ?? 0,
            _ => 0,
        };
        if (tag.ComponentIndex >= components)
        {
            log.Type(tag, "Invalid component_idx");
        }
    }

    /// <summary>A missing id, or a VAR/DATASEC/DECL_TAG, which nothing may refer to except where named.</summary>
    private bool IsSourceOnlyOrMissing(uint id) =>
        btf.TypeById(id) is null or BtfVarType or BtfDatasecType or BtfDeclTagType;

    /// <summary>The kernel's "no size or null" test on the direct type (before modifiers), plus the source-only kinds.</summary>
    private bool IsUnsized(uint id) =>
        IsSourceOnlyOrMissing(id) || btf.TypeById(id) is BtfFwdType or BtfFuncType or BtfFuncProtoType;
}
