using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Operand positions inside debug-info nodes, which the C API has no accessors for. Newer LLVMs keep a
/// type's size and offset in operands 3 and 4, so the operands specific to derived, composite and
/// subroutine types start at 5 there and at 3 in older ones. Rather than trusting a version number, the
/// layout is measured: a basic type has exactly the operands every type shares.
/// </summary>
internal sealed record DebugInfoLayout(int FirstTypeSpecificOperand)
{
    /// <summary>Name of a DIType or DISubprogram.</summary>
    public const int NameOperand = 2;

    /// <summary>Name of a DIGlobalVariable or DILocalVariable.</summary>
    public const int VariableNameOperand = 1;

    /// <summary>Linkage name of a DIGlobalVariable: the mangled symbol, which rustc gives every static and clang gives no C variable.</summary>
    public const int GlobalVariableLinkageNameOperand = 5;

    /// <summary>Name of a DIEnumerator.</summary>
    public const int EnumeratorNameOperand = 0;

    /// <summary>A DISubprogram's file, type and retained nodes (not a DIType, so unaffected by LLVM 21).</summary>
    public const int SubprogramFileOperand = 0;
    public const int SubprogramTypeOperand = 4;
    public const int SubprogramRetainedNodesOperand = 7;
    public const int SubprogramTemplateParamsOperand = 9;

    public static DebugInfoLayout Measure(DebugInfoBuilder builder) =>
        new(builder.UnsignedType("u8", 8).Operands.Length);

    /// <summary>The type a DIDerivedType (member, pointer, typedef...) is derived from.</summary>
    public int DerivedBaseTypeOperand => FirstTypeSpecificOperand;

    public int CompositeElementsOperand => FirstTypeSpecificOperand + 1;

    public int CompositeTemplateParamsOperand => FirstTypeSpecificOperand + 3;

    public int CompositeDiscriminatorOperand => FirstTypeSpecificOperand + 5;

    /// <summary>A DITemplateTypeParameter's name and type (not a DIType, so unaffected by LLVM 21).</summary>
    public const int TemplateParameterNameOperand = 0;
    public const int TemplateParameterTypeOperand = 1;

    /// <summary>The (name, type) of each DITemplateTypeParameter of a template-parameter list (a composite's or a subprogram's).</summary>
    public static IEnumerable<(string Name, LlvmMetadata Type)> TemplateTypes(LlvmMetadata parameters) =>
        !parameters.IsNode
            ? []
            : parameters.Operands
                .Where(p => p.IsNode && p.Kind == MetadataKind.TemplateTypeParameter)
                .Select(p => (Name: p.StringOperand(TemplateParameterNameOperand) ?? "", Type: p.Operands.ElementAtOrDefault(TemplateParameterTypeOperand)))
                .Where(p => p.Type.IsNode);

    /// <summary>A DIVariable's type.</summary>
    public const int VariableTypeOperand = 3;

    public int SubroutineTypeArrayOperand => FirstTypeSpecificOperand;

    /// <summary>The type array of a subprogram's subroutine type (return type first), from the subprogram's operands; not a node when there is none.</summary>
    public LlvmMetadata SubroutineTypes(LlvmMetadata[] subprogramOperands) =>
        subprogramOperands.Length > SubprogramTypeOperand && subprogramOperands[SubprogramTypeOperand].IsNode
            ? subprogramOperands[SubprogramTypeOperand].Operands.ElementAtOrDefault(SubroutineTypeArrayOperand)
            : default;
}
