using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// A data-carrying Rust enum is a struct holding a variant part; LLVM turns the variant part into a union
/// whose first member is the discriminant and whose other members are the variants. rustc leaves the
/// discriminant unnamed, so BTF readers would see an anonymous integer; it is named <c>discriminant</c>.
/// </summary>
internal static class VariantPartRepair
{
    public const string DiscriminantName = "discriminant";

    public static void Apply(LlvmContext context, DebugInfoLayout layout, DebugInfoGraph graph, DebugInfoRepairResult result)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Kind != MetadataKind.CompositeType || node.Tag != DwarfTag.VariantPart)
                continue;
            var operands = node.Operands;
            if (operands.Length <= layout.CompositeDiscriminatorOperand)
                continue;
            var discriminator = operands[layout.CompositeDiscriminatorOperand];
            if (!discriminator.IsNode || discriminator.Kind != MetadataKind.DerivedType
                || !string.IsNullOrEmpty(discriminator.StringOperand(DebugInfoLayout.NameOperand)))
                continue;
            discriminator.ReplaceOperand(DebugInfoLayout.NameOperand, LlvmMetadata.String(context, DiscriminantName));
            result.DiscriminantsNamed++;
        }
    }
}
