namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Type resolution as libbpf does it for CO-RE (skip_mods_and_typedefs, btf__resolve_size), which differs
/// from the kernel's (<see cref="BtfTypeSizes"/>): sizes follow VAR and DECL_TAG too, a chain is cut after
/// 32 steps in all, a FWD counts as void, and a size past 4 GiB is an error.
/// </summary>
internal sealed class LibbpfTypeResolver(BtfData btf)
{
    private const int MaxDepth = 32;

    /// <summary>
    /// Follows typedefs and modifiers from <paramref name="id"/> to <paramref name="resolvedId"/>; the type is
    /// null for void. False when an id on the way names no type (libbpf's NULL); a chain past any sane depth
    /// counts as that too, where libbpf would loop.
    /// </summary>
    public bool TrySkip(uint id, out uint resolvedId, out BtfType? type)
    {
        resolvedId = id;
        type = btf.TypeById(id);
        for (int steps = 0; type is not null && BtfKindNames.IsModifier(type.Kind); steps++)
        {
            if (steps > btf.Types.Count)
                return false;
            resolvedId = type.Header.SizeOrType;
            type = btf.TypeById(resolvedId);
        }

        return btf.IsValidId(resolvedId);
    }

    /// <summary>btf__resolve_size: the size in bytes of <paramref name="id"/>; false for void, FWD, FUNC, FUNC_PROTO, a bad id or E2BIG.</summary>
    public bool TryResolveSize(uint id, out uint size)
    {
        size = 0;
        uint elements = 1;
        var type = btf.TypeById(id);
        for (int step = 0; step < MaxDepth && type is not null and not BtfFwdType; step++)
        {
            switch (type)
            {
                case BtfIntType or BtfCompositeType or BtfEnumType or BtfDatasecType or BtfFloatType:
                    return Multiply(type.Header.SizeOrType, elements, out size);
                case BtfReferenceType { Kind: BtfKind.Ptr }:
                    return Multiply(8, elements, out size);
                case BtfReferenceType or BtfVarType or BtfDeclTagType:
                    type = btf.TypeById(type.Header.SizeOrType);
                    break;
                case BtfArrayType array:
                    if (elements != 0 && array.Count > uint.MaxValue / elements)
                        return false;
                    elements *= array.Count;
                    type = btf.TypeById(array.ElementType);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Describes a type as libbpf's log does: <c>[5] STRUCT ethhdr</c>, <c>[0] void</c>.</summary>
    public string Describe(uint id) => btf.TypeById(id) is { } type
        ? $"[{id}] {BtfKindNames.Of(type.Kind)} {(string.IsNullOrEmpty(type.Name) ? "<anon>" : type.Name)}"
        : id == 0 ? "[0] void" : $"[{id}] (no such type)";

    private static bool Multiply(uint size, uint elements, out uint total)
    {
        bool fits = elements == 0 || size <= uint.MaxValue / elements;
        total = fits ? size * elements : 0;
        return fits;
    }
}
