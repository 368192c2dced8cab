using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>One step of a relocatable access: into a struct's or a union's member, or an array's element.</summary>
internal abstract record CoreStep(LlvmMetadata Type);

internal sealed record CoreStructStep(LlvmMetadata Type, ulong SizeInBytes, uint Index) : CoreStep(Type);

internal sealed record CoreUnionStep(LlvmMetadata Type, uint Index) : CoreStep(Type);

internal sealed record CoreArrayStep(LlvmMetadata Type, ulong Count, ulong ElementBytes, uint Index) : CoreStep(Type);

/// <summary>
/// Turns what a program wrote (<c>se.vruntime</c>, <c>comm[3]</c>) and the byte offset rustc computed for
/// it into the steps of a relocatable access. Members are found by name in the debug info, as libbpf
/// finds them in the kernel's BTF; array indexes come from the offset, which must then be used up exactly.
/// </summary>
internal static class CoreAccessPath
{
    public static (IReadOnlyList<CoreStep>? Steps, string? Problem) Resolve(CoreDebugTypes types, LlvmMetadata start, string path, ulong offset, LlvmMetadata field)
    {
        var type = types.Strip(start);
        if (!CoreDebugTypes.IsStruct(type) && !CoreDebugTypes.IsUnion(type))
            return (null, $"the access starts from {CoreDebugTypes.Describe(type)}, which is not a struct or union");
        var remaining = offset * 8;
        var steps = new List<CoreStep>();
        foreach (var segment in path.Replace(" ", "", StringComparison.Ordinal).Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var indexes = bracket < 0 ? 0 : segment.Count(c => c == '[');
            if (!CoreDebugTypes.IsStruct(type) && !CoreDebugTypes.IsUnion(type))
                return (null, $"`{name}` is reached through {CoreDebugTypes.Describe(type)}, which is not a struct or union");
            var member = types.Members(type).FirstOrDefault(m => m.Name == DebugName(name));
            if (member is null)
                return (null, $"{CoreDebugTypes.Describe(type)} has no member `{name}` in its debug info");
            if (member.IsBitfield)
                return (null, $"`{name}` is a bitfield: a relocation moves bytes, not bits");
            if (member.OffsetInBits > remaining)
                return (null, $"`{name}` is at byte {member.OffsetInBits / 8} of {CoreDebugTypes.Describe(type)}, past the computed offset {offset}");
            steps.Add(CoreDebugTypes.IsUnion(type) ? new CoreUnionStep(type, member.Index) : new CoreStructStep(type, type.SizeInBits / 8, member.Index));
            remaining -= member.OffsetInBits;
            type = types.Strip(member.Type);
            for (var i = 0; i < indexes; i++)
            {
                if (!CoreDebugTypes.IsArray(type))
                    return (null, $"`{segment}` indexes {CoreDebugTypes.Describe(type)}, which is not an array");
                var element = types.Strip(types.Element(type));
                var elementBits = element.SizeInBits;
                if (elementBits == 0)
                    return (null, $"`{segment}` indexes an array of zero-sized elements");
                var index = remaining / elementBits;
                if (index > uint.MaxValue)
                    return (null, $"`{segment}` is an index too large for a relocation");
                steps.Add(new CoreArrayStep(type, type.SizeInBits / elementBits, elementBits / 8, (uint)index));
                remaining -= index * elementBits;
                type = element;
            }
        }
        if (remaining != 0)
            return (null, $"`{path}` does not end at the offset rustc computed for it ({offset})");
        if (field.IsNode && types.Strip(field).SizeInBits != type.SizeInBits)
            return (null, $"`{path}` is {type.SizeInBits / 8} bytes in the debug info, but the field read is {types.Strip(field).SizeInBits / 8}");
        return (steps, null);
    }

    // rustc names a tuple struct's fields __0, __1...; a raw identifier is its plain name.
    private static string DebugName(string name) =>
        name.Length > 0 && name.All(char.IsAsciiDigit) ? "__" + name : name.StartsWith("r#", StringComparison.Ordinal) ? name[2..] : name;
}
