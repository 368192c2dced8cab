using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Skeleton;

/// <summary>
/// Writes the declarations a <see cref="CSharpTypeSet"/> collected: structs and unions with explicit
/// layout (every member at its BTF offset, the struct at its BTF size, so that Marshal.SizeOf and field
/// offsets equal BTF's), enums over their BTF size, and the inline arrays.
/// </summary>
internal static class CSharpTypeDeclarations
{
    public static void Write(CSharpTypeSet types, CodeWriter code)
    {
        // Writing a struct may reach more types; they join the queue.
        while (types.TryNextDeclaration(out var type, out var name))
        {
            code.Line();
            switch (type)
            {
                case BtfCompositeType composite:
                    WriteComposite(types, composite, name, code);
                    break;
                case BtfEnumType enumeration:
                    WriteEnum(enumeration, name, code);
                    break;
            }
        }
        foreach (var length in types.ArrayLengths)
        {
            code.Line();
            code.Summary($"{length} elements in a row, as a BTF array of that length.");
            code.Line($"[global::System.Runtime.CompilerServices.InlineArray({length})]");
            using (code.Block($"public struct FixedArray{length}<T>"))
                code.Line("private T _element0;");
        }
    }

    private static void WriteComposite(CSharpTypeSet types, BtfCompositeType composite, string name, CodeWriter code)
    {
        code.Summary($"BTF {(composite.IsUnion ? "union" : "struct")} '{Describe(composite.Name)}' ({composite.Size} bytes).");
        code.Line($"[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Explicit, Size = {composite.Size})]");
        using var block = code.Block($"public partial struct {name}");
        var members = new NameScope(name);
        foreach (var member in composite.Members)
            WriteMember(types, name, member, members, code);
    }

    private static void WriteMember(CSharpTypeSet types, string owner, BtfMember member, NameScope members, CodeWriter code)
    {
        var memberName = members.Take(CSharpNames.Pascal(member.Name is { Length: > 0 } named ? named : "anonymous"));
        var resolved = types.Sizes.SkipModifiers(member.Type);
        var isBitfield = member.BitfieldSize != 0 || member.BitOffset % 8 != 0
            || resolved is BtfIntType integer && integer.Bits != integer.Size * 8;
        if (isBitfield)
        {
            WriteBitfield(member, resolved, memberName, code);
            return;
        }
        if (!types.Sizes.TryGetSize(member.Type, out var size, out _) || size == 0)
            return;
        var offset = member.BitOffset / 8;
        if (types.Reference(member.Type, owner + memberName) is not { } csharpType)
        {
            code.Line($"// '{Describe(member.Name)}' ({size} bytes at offset {offset}): its BTF {resolved?.Kind.ToString() ?? "type"} has no C# equivalent.");
            return;
        }
        code.Summary($"'{Describe(member.Name)}' at offset {offset}.");
        var marshalAs = csharpType == "bool" ? "[global::System.Runtime.InteropServices.MarshalAs(global::System.Runtime.InteropServices.UnmanagedType.U1)] " : "";
        code.Line($"[global::System.Runtime.InteropServices.FieldOffset({offset})] {marshalAs}public {csharpType} {memberName};");
    }

    // A bitfield is read and written through its bits; C# has no field narrower than a byte.
    private static void WriteBitfield(BtfMember member, BtfType? resolved, string memberName, CodeWriter code)
    {
        var bits = member.BitfieldSize != 0 ? member.BitfieldSize : (resolved as BtfIntType)?.Bits ?? 0;
        var signed = resolved is BtfIntType { Encoding: var encoding } && (encoding & BtfIntType.Signed) != 0
            || resolved is BtfEnumType { IsSigned: true };
        if (bits is 0 or > 64)
            return;
        var type = signed ? "long" : "ulong";
        code.Summary($"Bitfield '{Describe(member.Name)}': {bits} bits at bit {member.BitOffset}.");
        using var block = code.Block($"public {type} {memberName}");
        code.Line($"readonly get => global::Aya.Bpf.Runtime.BpfBitfield.Read{(signed ? "Signed" : "")}(in this, {member.BitOffset}, {bits});");
        code.Line($"set => global::Aya.Bpf.Runtime.BpfBitfield.Write(ref this, {member.BitOffset}, {bits}, unchecked((ulong)value));");
    }

    private static void WriteEnum(BtfEnumType enumeration, string name, CodeWriter code)
    {
        var underlying = CSharpTypeSet.Integer(enumeration.Size, enumeration.IsSigned)!;
        code.Summary($"BTF enum '{Describe(enumeration.Name)}' ({enumeration.Size} bytes).");
        using var block = code.Block($"public enum {name} : {underlying}");
        var values = new NameScope("value__");
        foreach (var value in enumeration.Values)
            code.Line($"{values.Take(CSharpNames.Pascal(value.Name))} = {enumeration.Literal(value)},");
    }

    private static string Describe(string? name) => name is { Length: > 0 } ? name : "(anonymous)";
}
