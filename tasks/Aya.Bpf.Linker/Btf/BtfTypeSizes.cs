namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Sizes as the kernel resolves them: modifiers (and VARs) are followed to a sized type; void, FWD,
/// FUNC and FUNC_PROTO have none. Chains longer than the kernel's resolve depth (32) count as unsized,
/// which also ends any loop.
/// </summary>
internal sealed class BtfTypeSizes(BtfData btf)
{
    public const int MaxDepth = 32;

    /// <summary>The first non-modifier type reached from <paramref name="id"/>; null for void, a bad id or a too-long chain.</summary>
    public BtfType? SkipModifiers(uint id)
    {
        var type = btf.TypeById(id);
        for (int depth = 0; type is not null && BtfKindNames.IsModifier(type.Kind); depth++)
        {
            if (depth == MaxDepth)
            {
                return null;
            }

            type = btf.TypeById(type.Header.SizeOrType);
        }

        return type;
    }

    /// <summary>The size in bytes of <paramref name="id"/>, with the sized type it resolves to; false when it has none.</summary>
    public bool TryGetSize(uint id, out ulong size, out BtfType? resolved) => TryGetSize(id, 0, out size, out resolved);

    private bool TryGetSize(uint id, int depth, out ulong size, out BtfType? resolved)
    {
        size = 0;
        resolved = depth < MaxDepth ? SkipModifiers(id) : null;
        if (resolved is BtfVarType var)
        {
            return TryGetSize(var.Type, depth + 1, out size, out resolved);
        }

        switch (resolved)
        {
            case BtfIntType or BtfCompositeType or BtfEnumType or BtfFloatType or BtfDatasecType:
                size = resolved.Header.SizeOrType;
                return true;
            case BtfReferenceType { Kind: BtfKind.Ptr }:
                size = 8;
                return true;
            case BtfArrayType array when TryGetSize(array.ElementType, depth + 1, out ulong element, out _):
                size = element * array.Count;
                resolved = array;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A "regular" INT: whole bytes (1, 2, 4, 8 or 16), no bit offset; the only kind usable as array index or kflag member.</summary>
    public static bool IsRegularInt(BtfIntType type) =>
        type.Bits % 8 == 0 && type.BitOffset == 0 && type.Bits / 8 is 1 or 2 or 4 or 8 or 16;
}
