using System.Text;
using System.Text.Json;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The .BTF section of an object file as `bpftool -j btf dump file` lists it: every type with its
/// id, kind and name, and what each kind carries (members, parameters, linkage, encoding).
/// </summary>
internal sealed class BtfDump
{
    // Kinds that only qualify or rename the type they point at.
    private static readonly HashSet<string> Modifiers = ["CONST", "VOLATILE", "RESTRICT", "TYPEDEF", "TYPE_TAG"];

    // Deep enough for any real chain of pointers and qualifiers; a cycle stops here instead of hanging.
    private const int MaxResolveDepth = 32;

    private readonly Dictionary<int, BtfDumpType> _byId;

    private BtfDump(string objectPath, IReadOnlyList<BtfDumpType> types)
    {
        ObjectPath = objectPath;
        Types = types;
        _byId = types.ToDictionary(type => type.Id);
    }

    /// <summary>The object file the BTF was read from.</summary>
    public string ObjectPath { get; }

    /// <summary>Every type, in id order (ids start at 1; 0 is void).</summary>
    public IReadOnlyList<BtfDumpType> Types { get; }

    /// <summary>Parses bpftool's JSON: <c>{"types":[{"id":1,"kind":"PTR","name":"(anon)",...},...]}</c>.</summary>
    public static BtfDump Parse(string objectPath, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        List<BtfDumpType> types = [.. document.RootElement.GetProperty("types").EnumerateArray().Select(BtfDumpType.From)];
        return new BtfDump(objectPath, types);
    }

    /// <summary>The type with that id, or null (also for 0, void).</summary>
    /// <summary>Every FUNC as <c>name:linkage</c>, in ordinal order.</summary>
    public string[] FunctionsWithLinkage() =>
        [.. Types.Where(t => t.Kind == "FUNC").Select(t => $"{t.Name}:{t.Linkage}").Order(StringComparer.Ordinal)];

    public BtfDumpType? ById(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The types of that kind and name.</summary>
    public IReadOnlyList<BtfDumpType> Named(string kind, string name) =>
        [.. Types.Where(type => type.Kind == kind && type.Name == name)];

    /// <summary>Fails the test unless exactly one type has that kind and name; returns it.</summary>
    public BtfDumpType Single(string kind, string name)
    {
        IReadOnlyList<BtfDumpType> found = Named(kind, name);
        Assert.HasCount(1, found, $"{kind} '{name}' in the BTF of {ObjectPath}.{Environment.NewLine}{Describe()}");
        return found[0];
    }

    /// <summary>Fails the test unless <paramref name="id"/> names a type; returns it.</summary>
    public BtfDumpType Require(int id)
    {
        BtfDumpType? type = ById(id);
        Assert.IsNotNull(type, $"No BTF type [{id}] in {ObjectPath}.{Environment.NewLine}{Describe()}");
        return type;
    }

    /// <summary>
    /// What <paramref name="id"/> denotes, comparable across objects whose ids differ: void, a named
    /// kind such as <c>INT 'unsigned int'</c>, or a pointer, qualifier or typedef followed to its target,
    /// e.g. <c>PTR -&gt; CONST -&gt; INT 'char'</c>. Composite types stop at their kind and name.
    /// </summary>
    public string Resolve(int id)
    {
        StringBuilder shape = new();
        for (int depth = 0; depth < MaxResolveDepth; depth++)
        {
            if (id == 0)
            {
                return shape.Append("void").ToString();
            }

            BtfDumpType type = Require(id);
            if (type.Kind == "PTR" || Modifiers.Contains(type.Kind))
            {
                shape.Append(type.Name is null ? type.Kind : $"{type.Kind} '{type.Name}'").Append(" -> ");
                id = type.TypeId ?? 0;
                continue;
            }

            if (type.Kind == "ARRAY")
            {
                shape.Append($"ARRAY[{type.ElementCount}] of ");
                id = type.TypeId ?? 0;
                continue;
            }

            return shape.Append(type.Label).ToString();
        }

        return shape.Append("...").ToString();
    }

    /// <summary>
    /// The prototype of the FUNC <paramref name="function"/> as text independent of type ids:
    /// <c>(a: INT 'unsigned int', b: INT 'unsigned int') -&gt; INT 'unsigned int'</c>.
    /// </summary>
    public string Signature(BtfDumpType function)
    {
        BtfDumpType prototype = Require(function.TypeId ?? 0);
        Assert.AreEqual("FUNC_PROTO", prototype.Kind, $"Type of FUNC '{function.Name}' in {ObjectPath}.");
        IEnumerable<string> parameters = prototype.Params.Select(p => $"{p.Name ?? "(anon)"}: {Resolve(p.TypeId)}");
        return $"({string.Join(", ", parameters)}) -> {Resolve(prototype.ReturnTypeId ?? 0)}";
    }

    /// <summary>One line per type, for failure messages.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Types.Select(type => $"[{type.Id}] {type.Label}"));
}

/// <summary>One type of a <see cref="BtfDump"/>.</summary>
/// <param name="Id">Its type id.</param>
/// <param name="Kind">bpftool's name for its kind: INT, PTR, STRUCT, FUNC, FLOAT, ...</param>
/// <param name="Name">Its name; null when anonymous (bpftool prints "(anon)").</param>
/// <param name="TypeId">The type it refers to (PTR, TYPEDEF, FUNC, VAR, ARRAY element, ...).</param>
/// <param name="ReturnTypeId">A FUNC_PROTO's return type.</param>
/// <param name="Size">Its size in bytes, where the kind has one.</param>
/// <param name="Encoding">An INT's or ENUM's encoding: "(none)", "SIGNED", "BOOL", "UNSIGNED", ...</param>
/// <param name="Linkage">A FUNC's or VAR's linkage: "static", "global", "extern".</param>
/// <param name="ElementCount">An ARRAY's element count.</param>
/// <param name="Members">A STRUCT's or UNION's members, in the order the section lists them.</param>
/// <param name="Params">A FUNC_PROTO's parameters.</param>
/// <param name="EnumeratorNames">An ENUM's enumerators.</param>
internal sealed record BtfDumpType(
    int Id,
    string Kind,
    string? Name,
    int? TypeId,
    int? ReturnTypeId,
    long? Size,
    string? Encoding,
    string? Linkage,
    long? ElementCount,
    IReadOnlyList<BtfDumpMember> Members,
    IReadOnlyList<BtfDumpParam> Params,
    IReadOnlyList<string> EnumeratorNames)
{
    /// <summary>bpftool's placeholder for an empty name.</summary>
    public const string Anonymous = "(anon)";

    /// <summary><c>KIND 'name'</c>, or just the kind when anonymous.</summary>
    public string Label => Name is null ? Kind : $"{Kind} '{Name}'";

    /// <summary>Every name this type holds: its own, its members', parameters' and enumerators'.</summary>
    public IEnumerable<string> AllNames =>
        new[] { Name }
            .Concat(Members.Select(m => m.Name))
            .Concat(Params.Select(p => p.Name))
            .Concat(EnumeratorNames)
            .OfType<string>();

    public static BtfDumpType From(JsonElement json) =>
        new(
            json.GetProperty("id").GetInt32(),
            json.GetProperty("kind").GetString() ?? string.Empty,
            NameOf(json),
            Int(json, "type_id"),
            Int(json, "ret_type_id"),
            Long(json, "size"),
            String(json, "encoding"),
            String(json, "linkage"),
            Long(json, "nr_elems"),
            [.. Array(json, "members").Select(m => new BtfDumpMember(NameOf(m), m.GetProperty("type_id").GetInt32(), Long(m, "bits_offset") ?? 0))],
            [.. Array(json, "params").Select(p => new BtfDumpParam(NameOf(p), p.GetProperty("type_id").GetInt32()))],
            [.. Array(json, "values").Select(NameOf).OfType<string>()]);

    private static string? NameOf(JsonElement json)
    {
        string? name = String(json, "name");
        return string.IsNullOrEmpty(name) || name == Anonymous ? null : name;
    }

    private static string? String(JsonElement json, string property) =>
        json.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement json, string property) =>
        json.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static long? Long(JsonElement json, string property) =>
        json.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static IEnumerable<JsonElement> Array(JsonElement json, string property) =>
        json.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}

/// <summary>A STRUCT or UNION member: its name (null when anonymous), type and offset in bits.</summary>
internal sealed record BtfDumpMember(string? Name, int TypeId, long BitsOffset);

/// <summary>A FUNC_PROTO parameter: its name (null when unnamed) and type.</summary>
internal sealed record BtfDumpParam(string? Name, int TypeId);
