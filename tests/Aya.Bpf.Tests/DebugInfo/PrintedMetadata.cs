using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.DebugInfo;

/// <summary>The metadata nodes of a module as LLVM prints it (<c>!7 = !DIBasicType(...)</c>), for assertions.</summary>
internal sealed partial class PrintedMetadata
{
    private readonly Dictionary<string, string> _nodes = new(StringComparer.Ordinal);

    public PrintedMetadata(string moduleText)
    {
        Text = moduleText;
        foreach (var line in moduleText.Split('\n'))
        {
            var match = NodeLine().Match(line);
            if (match.Success)
            {
                _nodes[match.Groups["id"].Value] = match.Groups["node"].Value;
            }
        }
    }

    /// <summary>The whole module text.</summary>
    public string Text { get; }

    /// <summary>The text of node <paramref name="id"/>, without <c>distinct</c>.</summary>
    public string Node(string id) =>
        _nodes.TryGetValue(id, out var node) ? node : throw new AssertFailedException($"no node {id} in:\n{Text}");

    /// <summary>The id of the one node that starts with <paramref name="prefix"/> and has the name <paramref name="name"/>.</summary>
    public string Find(string prefix, string name) =>
        Single(prefix, node => FieldValue(node, "name") == $"\"{name}\"", $"named '{name}'");

    /// <summary>The id of the one node that starts with <paramref name="prefix"/>, e.g. <c>!DIDerivedType(tag: DW_TAG_pointer_type</c>.</summary>
    public string Single(string prefix) => Single(prefix, _ => true, "");

    /// <summary>A field of node <paramref name="id"/>, quotes removed from strings; null when the node has no such field.</summary>
    public string? Field(string id, string field) => FieldValue(Node(id), field)?.Trim('"');

    /// <summary>The node that field <paramref name="field"/> of node <paramref name="id"/> refers to.</summary>
    public string Follow(string id, string field) =>
        Field(id, field) ?? throw new AssertFailedException($"{id} = {Node(id)} has no {field}");

    /// <summary>The elements of tuple <paramref name="id"/> (<c>!{!5, !6}</c>).</summary>
    public IReadOnlyList<string> Tuple(string id)
    {
        var node = Node(id);
        Assert.StartsWith("!{", node);
        return node[2..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The names of the nodes in tuple <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<string?> NamesIn(string id) => [.. Tuple(id).Select(element => Field(element, "name"))];

    private string Single(string prefix, Func<string, bool> predicate, string what)
    {
        var found = _nodes.Where(pair => pair.Value.StartsWith(prefix, StringComparison.Ordinal) && predicate(pair.Value)).ToList();
        Assert.HasCount(1, found, $"nodes {prefix} {what} in:\n{Text}");
        return found[0].Key;
    }

    private static string? FieldValue(string node, string field)
    {
        var match = Regex.Match(node, $@"(?:\(|, ){field}: (""[^""]*""|[^,)]+)");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(?<id>![0-9]+) = (?:distinct )?(?<node>.*)$")]
    private static partial Regex NodeLine();
}
