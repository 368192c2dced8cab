using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>A member of a struct or union, as its debug info gives it; <paramref name="Index"/> is its position among the type's elements.</summary>
internal sealed record CoreMember(uint Index, string Name, ulong OffsetInBits, LlvmMetadata Type, bool IsBitfield);

/// <summary>Reading the debug-info types an access walks through: members, array elements, and through typedefs and qualifiers.</summary>
internal sealed class CoreDebugTypes(DebugInfoLayout layout)
{
    // DIFlagBitField.
    private const int BitFieldFlag = 1 << 19;

    private static readonly ushort[] s_transparentTags =
        [DwarfTag.Typedef, DwarfTag.ConstType, DwarfTag.VolatileType, DwarfTag.RestrictType, DwarfTag.AtomicType];

    /// <summary>The type under typedefs and qualifiers, as libbpf skips them.</summary>
    public LlvmMetadata Strip(LlvmMetadata type)
    {
        while (type.IsNode && type.Kind == MetadataKind.DerivedType && s_transparentTags.Contains(type.Tag))
            type = BaseType(type);
        return type;
    }

    public static bool IsStruct(LlvmMetadata type) =>
        type.IsNode && type.Kind == MetadataKind.CompositeType && type.Tag is DwarfTag.StructureType or DwarfTag.ClassType;

    public static bool IsUnion(LlvmMetadata type) => type.IsNode && type.Kind == MetadataKind.CompositeType && type.Tag == DwarfTag.UnionType;

    public static bool IsArray(LlvmMetadata type) => type.IsNode && type.Kind == MetadataKind.CompositeType && type.Tag == DwarfTag.ArrayType;

    /// <summary>The members of a struct or union, numbered by their place among its elements.</summary>
    public IReadOnlyList<CoreMember> Members(LlvmMetadata composite)
    {
        var members = new List<CoreMember>();
        if (composite.Operands.ElementAtOrDefault(layout.CompositeElementsOperand) is not { IsNode: true } elements)
            return members;
        var all = elements.Operands;
        for (var i = 0; i < all.Length; i++)
        {
            var element = all[i];
            if (!element.IsNode || element.Kind != MetadataKind.DerivedType || element.Tag != DwarfTag.Member)
                continue;
            var isBitfield = (element.TypeFlags & BitFieldFlag) != 0;
            members.Add(new CoreMember((uint)i, element.StringOperand(DebugInfoLayout.NameOperand) ?? "", element.OffsetInBits, BaseType(element), isBitfield));
        }
        return members;
    }

    /// <summary>An array's element type (a composite's base type, where a derived type keeps its own).</summary>
    public LlvmMetadata Element(LlvmMetadata array) => BaseType(array);

    private LlvmMetadata BaseType(LlvmMetadata type) => type.Operands.ElementAtOrDefault(layout.DerivedBaseTypeOperand);

    /// <summary>A type's name for messages: its own, or what it is.</summary>
    public static string Describe(LlvmMetadata type) =>
        type.IsNull ? "a type without debug info" : type.StringOperand(DebugInfoLayout.NameOperand) is { Length: > 0 } name ? $"`{name}`" : "an anonymous type";
}
