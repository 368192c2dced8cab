using System.Text.Json;

namespace Aya.Bpf.Tasks.Crate;

/// <summary>A target of a package, as <c>cargo metadata</c> describes it.</summary>
/// <param name="SourcePath">The crate root file.</param>
internal sealed record CargoTarget(string Name, IReadOnlyList<string> Kinds, string SourcePath, IReadOnlyList<string> RequiredFeatures)
{
    public bool IsBin => Kinds.Contains("bin");

    public bool IsLibrary => Kinds.Any(kind => kind is "lib" or "rlib");
}

/// <param name="Features">Each feature and what it enables (other features, <c>dep:x</c>, <c>x/y</c>).</param>
internal sealed record CargoPackage(string Name, string ManifestPath, IReadOnlyList<CargoTarget> Targets, IReadOnlyDictionary<string, IReadOnlyList<string>> Features);

/// <summary>The workspace of a manifest: its root folder and its member packages.</summary>
internal sealed record CargoWorkspace(string Root, IReadOnlyList<CargoPackage> Members)
{
    /// <summary>The member whose manifest is <paramref name="manifestPath"/>; null for a virtual manifest.</summary>
    public CargoPackage? PackageOf(string manifestPath) =>
        Members.FirstOrDefault(member => SamePath(member.ManifestPath, manifestPath));

    public CargoPackage? Named(string name) => Members.FirstOrDefault(member => member.Name == name);

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>Reads the output of <c>cargo metadata --format-version 1 --no-deps</c>.</summary>
internal static class CargoMetadata
{
    /// <returns>The workspace, or null when the text is not cargo's metadata.</returns>
    public static CargoWorkspace? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "workspace_root") is not { } workspaceRoot
                || !root.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Array)
                return null;
            return new CargoWorkspace(workspaceRoot, [.. packages.EnumerateArray().Select(ParsePackage)]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CargoPackage ParsePackage(JsonElement package)
    {
        IReadOnlyList<CargoTarget> targets = package.TryGetProperty("targets", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(target => new CargoTarget(
                String(target, "name") ?? "", Strings(target, "kind"), String(target, "src_path") ?? "", Strings(target, "required-features")))]
            : [];
        Dictionary<string, IReadOnlyList<string>> features = new(StringComparer.Ordinal);
        if (package.TryGetProperty("features", out var table) && table.ValueKind == JsonValueKind.Object)
        {
            foreach (var feature in table.EnumerateObject())
                features[feature.Name] = Strings(feature.Value);
        }
        return new CargoPackage(String(package, "name") ?? "", String(package, "manifest_path") ?? "", targets, features);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Strings(value) : [];

    private static List<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
