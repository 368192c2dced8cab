using System.Text.Json.Nodes;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>A template's folder under templates/content in this checkout, as the package holds it.</summary>
internal sealed record TemplateContent(string Directory)
{
    /// <summary>Every template folder (those with a .template.config/template.json), in name order.</summary>
    public static IReadOnlyList<TemplateContent> All() =>
        [.. System.IO.Directory.EnumerateDirectories(RepositoryRoot.Combine("templates", "content"))
            .Where(folder => File.Exists(Path.Combine(folder, ".template.config", "template.json")))
            .Order(StringComparer.Ordinal)
            .Select(folder => new TemplateContent(folder))];

    /// <summary>Its template.json, parsed.</summary>
    public JsonObject Config() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, ".template.config", "template.json")))?.AsObject()
        ?? throw new InvalidOperationException($"{Directory}'s template.json is not a JSON object.");

    public string ShortName => Config()["shortName"]?.GetValue<string>() ?? throw new InvalidOperationException($"{Directory}'s template.json has no shortName.");

    /// <summary>The files `dotnet new` writes (all but .template.config), relative to the folder.</summary>
    public IReadOnlyList<string> Files() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Directory, file))
            .Where(file => !file.StartsWith(".template.config", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
