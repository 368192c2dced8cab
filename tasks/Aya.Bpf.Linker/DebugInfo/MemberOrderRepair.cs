using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// rustc lists a struct's fields in declaration order while its layout may reorder them; the kernel needs
/// member offsets that never decrease. Members are put in offset order (stable for equal offsets).
/// </summary>
internal static class MemberOrderRepair
{
    public static void Apply(LlvmContext context, DebugInfoLayout layout, DebugInfoGraph graph, DebugInfoRepairResult result)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Kind != MetadataKind.CompositeType || node.Tag is not (DwarfTag.StructureType or DwarfTag.ClassType))
                continue;
            var elementsOperand = layout.CompositeElementsOperand;
            var operands = node.Operands;
            if (operands.Length <= elementsOperand || !operands[elementsOperand].IsNode)
                continue;

            var elements = operands[elementsOperand].Operands;
            var offsets = elements.Select(OffsetOf).ToArray();
            if (IsInOrder(offsets))
                continue;

            var sorted = elements.Zip(offsets).OrderBy(pair => pair.Second).Select(pair => pair.First).ToList();
            node.ReplaceOperand(elementsOperand, LlvmMetadata.Tuple(context, sorted));
            result.StructsReordered++;
        }
    }

    private static ulong OffsetOf(LlvmMetadata element) =>
        element.IsNode && element.Kind == MetadataKind.DerivedType ? element.OffsetInBits : 0;

    private static bool IsInOrder(ulong[] offsets)
    {
        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
                return false;
        }
        return true;
    }
}
