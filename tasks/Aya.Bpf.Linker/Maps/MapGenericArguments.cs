using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>A type argument of a map wrapper such as <c>HashMap&lt;K, V&gt;</c>, from debug info, named after the type.</summary>
internal sealed record MapTypeArgument(string Name, LlvmMetadata Type, ulong SizeInBytes);

/// <summary>
/// The type arguments of the generic wrapper a legacy map static is declared with (aya's
/// <c>HashMap&lt;K, V&gt;</c>, <c>Array&lt;T&gt;</c>...): the template parameters of the static's type.
/// </summary>
internal static class MapGenericArguments
{
    public static IReadOnlyList<MapTypeArgument> Of(LlvmMetadata staticType, DebugInfoLayout layout)
    {
        if (!staticType.IsNode || staticType.Kind != MetadataKind.CompositeType)
            return [];
        return DebugInfoLayout.TemplateTypes(staticType.Operands.ElementAtOrDefault(layout.CompositeTemplateParamsOperand))
            .Select(p => new MapTypeArgument(p.Type.StringOperand(DebugInfoLayout.NameOperand) ?? p.Name, p.Type, p.Type.SizeInBits / 8))
            .ToList();
    }
}
