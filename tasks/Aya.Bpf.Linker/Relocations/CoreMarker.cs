using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>Which marker of the SDK's core_access.rs a function is.</summary>
internal enum CoreMarkerKind
{
    /// <summary><c>__aya_bpf_core_field_address&lt;T, F&gt;(base, offset, path)</c>: a field's address.</summary>
    FieldAddress,

    /// <summary><c>__aya_bpf_core_field_info&lt;T, F&gt;(base, offset, path, kind)</c>: a field's offset, size or existence.</summary>
    FieldInfo,

    /// <summary><c>__aya_bpf_core_type_info&lt;T&gt;(kind)</c>: a type's existence or size.</summary>
    TypeInfo,
}

/// <summary>
/// One monomorphised copy of a marker: its kind and, from its debug info's template parameters, the
/// type the access starts from (<c>T</c>) and the field's type (<c>F</c>, null metadata for type info).
/// <paramref name="SourceFile"/> is core_access.rs, so that errors point past it at the program's line.
/// </summary>
internal sealed record CoreMarker(LlvmGlobal Function, CoreMarkerKind Kind, LlvmMetadata Type, LlvmMetadata Field, string? SourceFile)
{
    private static readonly (string Name, CoreMarkerKind Kind)[] s_names =
    [
        ("__aya_bpf_core_field_address", CoreMarkerKind.FieldAddress),
        ("__aya_bpf_core_field_info", CoreMarkerKind.FieldInfo),
        ("__aya_bpf_core_type_info", CoreMarkerKind.TypeInfo),
    ];

    /// <summary>The marker kind whose name a function's (mangled) symbol holds, if any.</summary>
    public static CoreMarkerKind? KindOf(LlvmGlobal function) =>
        s_names.Where(marker => function.Name.Contains(marker.Name, StringComparison.Ordinal)).Select(marker => (CoreMarkerKind?)marker.Kind).FirstOrDefault();

    /// <summary>The markers defined in <paramref name="module"/>, with or without the debug info that gives their types.</summary>
    public static IReadOnlyList<CoreMarker> Find(LlvmContext context, LlvmModule module)
    {
        var markers = new List<CoreMarker>();
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            if (KindOf(function) is not { } kind)
                continue;
            var subprogram = function.Subprogram(context);
            var parameters = TemplateParameters(subprogram);
            markers.Add(new CoreMarker(function, kind, parameters.GetValueOrDefault("T"), parameters.GetValueOrDefault("F"),
                subprogram.IsNull ? null : subprogram.SourceFile));
        }
        return markers;
    }

    private static Dictionary<string, LlvmMetadata> TemplateParameters(LlvmMetadata subprogram) =>
        subprogram.IsNull
            ? []
            : DebugInfoLayout.TemplateTypes(subprogram.Operands.ElementAtOrDefault(DebugInfoLayout.SubprogramTemplateParamsOperand))
                .DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);
}
