using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Every debug-info node reachable from a module's compile units, functions and globals, and who refers
/// to whom, so a repair can find all uses of a type it replaces. Instruction locations and local
/// variables outside retained nodes are not visited: BTF is never made from them.
/// </summary>
internal sealed class DebugInfoGraph
{
    private readonly List<LlvmMetadata> _nodes = [];
    private readonly Dictionary<LlvmMetadata, List<(LlvmMetadata Parent, int Index)>> _users = [];

    public IReadOnlyList<LlvmMetadata> Nodes => _nodes;

    public static DebugInfoGraph Walk(IEnumerable<LlvmMetadata> roots)
    {
        var graph = new DebugInfoGraph();
        var seen = new HashSet<LlvmMetadata>();
        var pending = new Stack<LlvmMetadata>(roots.Where(root => root.IsNode));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
                continue;
            graph._nodes.Add(node);
            var operands = node.Operands;
            for (var i = 0; i < operands.Length; i++)
            {
                var operand = operands[i];
                if (!operand.IsNode)
                    continue;
                graph.AddUse(operand, node, i);
                if (!seen.Contains(operand))
                    pending.Push(operand);
            }
        }
        return graph;
    }

    /// <summary>The (node, operand index) pairs that refer to <paramref name="node"/>.</summary>
    public IReadOnlyList<(LlvmMetadata Parent, int Index)> UsesOf(LlvmMetadata node) =>
        _users.TryGetValue(node, out var uses) ? uses : [];

    private void AddUse(LlvmMetadata child, LlvmMetadata parent, int index)
    {
        if (!_users.TryGetValue(child, out var uses))
            _users[child] = uses = [];
        uses.Add((parent, index));
    }
}
