using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Gives every name BTF will carry a form the kernel accepts: type, member, enumerator, function and
/// variable names that are not C identifiers are sanitised (<see cref="BtfNameSanitizer"/>); pointer and
/// qualifier types lose their names, which BTF forbids.
/// </summary>
internal static class NameRepair
{
    public static void Apply(LlvmContext context, DebugInfoGraph graph, DebugInfoRepairResult result)
    {
        foreach (var node in graph.Nodes)
        {
            var kind = node.Kind;
            var index = NameOperandOf(kind);
            if (index < 0)
                continue;
            var name = node.StringOperand(index);
            if (string.IsNullOrEmpty(name))
            {
                RecordOrigin(node, kind, name, name, result);
                continue;
            }

            if (kind == MetadataKind.DerivedType && IsPointerOrQualifier(node.Tag))
            {
                node.ReplaceOperand(index, default);
                result.PointerNamesRemoved++;
                continue;
            }

            var sanitized = BtfNameSanitizer.Sanitize(name);
            if (!ReferenceEquals(sanitized, name))
            {
                node.ReplaceOperand(index, LlvmMetadata.String(context, sanitized));
                result.NamesSanitized++;
            }
            RecordOrigin(node, kind, name, sanitized, result);
        }
    }

    private static int NameOperandOf(MetadataKind kind) => kind switch
    {
        // Basic type names are left alone: the kernel does not check INT and FLOAT names (clang's "unsigned int").
        MetadataKind.DerivedType or MetadataKind.CompositeType or MetadataKind.SubroutineType or MetadataKind.Subprogram => DebugInfoLayout.NameOperand,
        MetadataKind.GlobalVariable or MetadataKind.LocalVariable => DebugInfoLayout.VariableNameOperand,
        MetadataKind.Enumerator => DebugInfoLayout.EnumeratorNameOperand,
        _ => -1,
    };

    private static bool IsPointerOrQualifier(ushort tag) => tag is DwarfTag.PointerType or DwarfTag.ReferenceType
        or DwarfTag.RvalueReferenceType or DwarfTag.ConstType or DwarfTag.VolatileType or DwarfTag.RestrictType or DwarfTag.AtomicType;

    private static void RecordOrigin(LlvmMetadata node, MetadataKind kind, string? name, string? btfName, DebugInfoRepairResult result)
    {
        if (string.IsNullOrEmpty(name) || btfName is null || kind is not (MetadataKind.CompositeType or MetadataKind.Subprogram))
            return;
        result.Origins.Add(btfName, new DebugInfoOrigin(name, node.SourceFile, (int)node.Line));
    }
}
