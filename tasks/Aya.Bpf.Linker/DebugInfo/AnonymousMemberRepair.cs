using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// The kernel-type bindings call an anonymous struct or union member of a kernel type <c>__anon_N</c>, as Rust
/// needs a field name. For CO-RE, libbpf skips a local access's anonymous members and looks for each named one
/// by name, through the kernel type's anonymous members; a local member named <c>__anon_0</c> would be looked
/// for and not found. So such members lose their name, as the kernel's and clang's have none. Their struct or
/// union types keep theirs: libbpf takes any two structs or unions as compatible whatever their names, the kernel
/// accepts a named type behind an unnamed member, and the name keeps messages about the type readable.
/// </summary>
internal static class AnonymousMemberRepair
{
    private const string BindingsPrefix = "__anon_";

    public static void Apply(DebugInfoLayout layout, DebugInfoGraph graph, DebugInfoRepairResult result)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.Kind != MetadataKind.DerivedType || node.Tag != DwarfTag.Member
                || !IsBindingsAnonymousName(node.StringOperand(DebugInfoLayout.NameOperand)) || !IsStructOrUnion(node.Operands, layout))
                continue;
            node.ReplaceOperand(DebugInfoLayout.NameOperand, default);
            result.MembersMadeAnonymous++;
        }
    }

    /// <summary><c>__anon_</c> and one or more digits: exactly the names the bindings give, nothing a user could mean.</summary>
    private static bool IsBindingsAnonymousName(string? name) =>
        name is not null && name.Length > BindingsPrefix.Length && name.StartsWith(BindingsPrefix, StringComparison.Ordinal)
        && !name.AsSpan(BindingsPrefix.Length).ContainsAnyExceptInRange('0', '9');

    // Only a struct or union: libbpf looks through an anonymous member of no other kind.
    private static bool IsStructOrUnion(LlvmMetadata[] memberOperands, DebugInfoLayout layout) =>
        memberOperands.ElementAtOrDefault(layout.DerivedBaseTypeOperand) is { IsNode: true } type && type.Kind == MetadataKind.CompositeType
        && type.Tag is DwarfTag.StructureType or DwarfTag.UnionType or DwarfTag.ClassType;
}
