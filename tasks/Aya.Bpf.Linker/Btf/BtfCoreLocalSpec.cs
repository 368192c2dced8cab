namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// A CO-RE record's access walked against the local BTF, as libbpf parses its local spec
/// (bpf_core_parse_spec) and computes the local value that the instruction must already hold
/// (bpf_core_calc_relo with the local spec). Either failing fails the load, whatever the kernel's BTF.
/// Each check returns null when libbpf would accept the record, else why it would not.
/// </summary>
internal sealed class BtfCoreLocalSpec(BtfData btf)
{
    private readonly LibbpfTypeResolver types = new(btf);

    /// <summary>
    /// One step libbpf records: the first index into the root, a named member, or an array element.
    /// Anonymous members are stepped through without one.
    /// </summary>
    private readonly record struct Accessor(uint TypeId, int Index, string? Name);

    /// <summary>Enumerator kinds: the root resolves to an ENUM or ENUM64, the one index picks an enumerator.</summary>
    public string? EnumValueProblem(uint rootId, int[] indexes)
    {
        types.TrySkip(rootId, out uint id, out var type);
        if (type is not BtfEnumType enumType)
            return $"{types.Describe(id)} is not an ENUM or ENUM64";
        if (indexes.Length > 1)
            return "an enumerator relocation's access string is one index";
        return indexes[0] >= enumType.Vlen
            ? $"enumerator index {indexes[0]} is out of range: {types.Describe(id)} has {enumType.Vlen} values"
            : null;
    }

    /// <summary>Type kinds: only type_size computes a local value, the root's size.</summary>
    public string? TypeProblem(uint rootId, BtfCoreRelocationKind kind) =>
        kind == BtfCoreRelocationKind.TypeSize && !types.TryResolveSize(rootId, out _)
            ? $"{types.Describe(rootId)} has no size for type_size"
            : null;

    /// <summary>
    /// Field kinds: the first index is an element of an array of the root type, each further one a member
    /// of a STRUCT/UNION or an element of an ARRAY, through typedefs and modifiers.
    /// </summary>
    public string? FieldProblem(uint rootId, int[] indexes, BtfCoreRelocationKind kind)
    {
        types.TrySkip(rootId, out uint id, out _);
        if (!types.TryResolveSize(id, out uint rootSize))
            return $"the root {types.Describe(id)} has no size";
        uint bitOffset = unchecked((uint)indexes[0] * rootSize * 8);
        var accessors = new List<Accessor> { new(id, indexes[0], null) };
        for (int i = 1; i < indexes.Length; i++)
        {
            uint reached = id;
            if (!types.TrySkip(reached, out id, out var type))
                return $"at index #{i}: [{reached}] is no type";
            string? problem = type switch
            {
                BtfCompositeType composite => Member(composite, indexes[i], accessors, ref id, ref bitOffset),
                BtfArrayType array => Element(array, indexes[i], accessors, ref id, ref bitOffset),
                _ => $"captures type {types.Describe(id)} of unexpected kind: only a STRUCT, UNION or ARRAY can be indexed",
            };
            if (problem is not null)
                return $"at index #{i}: {problem}";
        }

        return kind == BtfCoreRelocationKind.FieldExists ? null : FieldValueProblem(accessors[^1], bitOffset, kind);
    }

    private string? Member(BtfCompositeType composite, int index, List<Accessor> accessors, ref uint id, ref uint bitOffset)
    {
        if (index >= composite.Vlen)
            return $"member index {index} is out of range: {types.Describe(id)} has {composite.Vlen} members";
        var member = composite.Members[index];
        bitOffset = unchecked(bitOffset + member.BitOffset);
        if (member.NameOffset != 0)
        {
            if (string.IsNullOrEmpty(member.Name))
                return $"member {index} of {types.Describe(id)} has a name offset ({member.NameOffset}) but no name";
            accessors.Add(new Accessor(id, index, member.Name));
        }

        id = member.Type;
        return null;
    }

    private string? Element(BtfArrayType array, int index, List<Accessor> accessors, ref uint id, ref uint bitOffset)
    {
        uint arrayId = id;
        if (!types.TrySkip(array.ElementType, out id, out _))
            return $"the element type [{array.ElementType}] of {types.Describe(arrayId)} is no type";
        // A flexible array: no elements, and the last member of the struct the previous step named.
        var previous = accessors[^1];
        bool flexible = previous.Name is not null && array.Count == 0 && previous.Index == btf.TypeById(previous.TypeId)!.Vlen - 1;
        if (!flexible && (uint)index >= array.Count)
            return $"array index {index} is out of range: {types.Describe(arrayId)} has {array.Count} elements " +
                "(only a flexible array, the last member with 0 elements, may be indexed past its end)";
        accessors.Add(new Accessor(id, index, null));
        if (!types.TryResolveSize(id, out uint elementSize))
            return $"the element type {types.Describe(id)} has no size";
        bitOffset = unchecked(bitOffset + ((uint)index * elementSize * 8));
        return null;
    }

    /// <summary>The local value of the field the last accessor names (or of the element it indexes).</summary>
    private string? FieldValueProblem(Accessor last, uint bitOffset, BtfCoreRelocationKind kind)
    {
        string kindName = BtfCoreRelocationKinds.Name(kind);
        if (last.Name is null)
        {
            if (kind is not (BtfCoreRelocationKind.FieldByteOffset or BtfCoreRelocationKind.FieldByteSize))
                return $"relo {kindName} can't be applied to array access: the access ends at an element, not a named field";
            return types.TryResolveSize(last.TypeId, out _) ? null : $"the accessed element {types.Describe(last.TypeId)} has no size";
        }

        var member = ((BtfCompositeType)btf.TypeById(last.TypeId)!).Members[last.Index];
        if (!types.TrySkip(member.Type, out uint fieldId, out var fieldType))
            return $"field '{last.Name}' has type [{member.Type}], which is no type";
        uint bits = member.BitfieldSize;
        if (bits == 0)
            return types.TryResolveSize(fieldId, out _) ? null : $"field '{last.Name}' of type {types.Describe(fieldId)} has no size";
        return BitfieldProblem(fieldType?.Header.SizeOrType ?? 0, bitOffset, bits, $"{kindName} can't be satisfied for bitfield '{last.Name}'");
    }

    /// <summary>libbpf widens the load of a bitfield from its type's size up to 8 bytes until the bits fit one load.</summary>
    private static string? BitfieldProblem(uint byteSize, uint bitOffset, uint bits, string what)
    {
        if (byteSize == 0)
            return $"{what}: its type has no size";
        unchecked
        {
            uint byteOffset = bitOffset / 8 / byteSize * byteSize;
            while (bitOffset + bits - (byteOffset * 8) > byteSize * 8)
            {
                if (byteSize >= 8)
                    return $"{what}: its {bits} bits at bit offset {bitOffset} do not fit one 64-bit load";
                byteSize *= 2;
                byteOffset = bitOffset / 8 / byteSize * byteSize;
            }
        }

        return null;
    }
}
