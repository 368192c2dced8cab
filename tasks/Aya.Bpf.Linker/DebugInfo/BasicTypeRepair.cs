using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Basic types BTF cannot encode. Rust's <c>char</c> is DW_ATE_UTF, for which LLVM makes no BTF type at all
/// (members of that type would point at void); it becomes a 32-bit unsigned integer still named <c>char</c>.
/// Zero-sized basic types such as <c>()</c> and <c>!</c> would be INTs of size 0, which the kernel refuses;
/// they become empty structs, the way C describes a type without data.
/// </summary>
internal static class BasicTypeRepair
{
    private const ulong RustCharBits = 32;

    public static void Apply(DebugInfoGraph graph, DebugInfoBuilder builder, DebugInfoRepairResult result)
    {
        foreach (var node in graph.Nodes.Where(n => n.Kind == MetadataKind.BasicType).ToList())
        {
            var name = node.StringOperand(DebugInfoLayout.NameOperand) ?? "";
            var size = node.SizeInBits;
            LlvmMetadata replacement;
            if (size == 0)
                replacement = builder.EmptyStruct(BtfNameSanitizer.Sanitize(name));
            else if (name == "char" && size == RustCharBits)
                replacement = builder.UnsignedType(name, size);
            else
                continue;

            foreach (var (parent, index) in graph.UsesOf(node))
                parent.ReplaceOperand(index, replacement);
            result.BasicTypesReplaced++;
        }
    }
}
