using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Aya.Bpf.Tests.Integration;

/// <summary>The checkout the tests run from, and what its global.json pins.</summary>
internal static class RepositoryRoot
{
    private const string SdkPackageId = "Aya.Bpf.Sdk";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the repository's top directory.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of a file or directory given relative to the repository root.</summary>
    public static string Combine(params string[] relativeParts) =>
        System.IO.Path.Combine([Path, .. relativeParts]);

    /// <summary>The repository's global.json, parsed.</summary>
    public static JsonObject ReadGlobalJson()
    {
        string text = File.ReadAllText(Combine("global.json"));
        return JsonNode.Parse(text)?.AsObject()
            ?? throw new InvalidOperationException("global.json is not a JSON object.");
    }

    /// <summary>The Aya.Bpf.Sdk version global.json pins, which is the version the SDK project packs.</summary>
    public static string SdkVersion()
    {
        string? version = ReadGlobalJson()["msbuild-sdks"]?[SdkPackageId]?.GetValue<string>();
        return version ?? throw new InvalidOperationException(
            $"global.json at {Path} has no msbuild-sdks entry for {SdkPackageId}.");
    }

    /// <summary>The version every package of this repository is packed with: AyaBpfSdkVersion in Directory.Build.props.</summary>
    public static string PackageVersion()
    {
        XDocument props = XDocument.Load(Combine("Directory.Build.props"));
        return props.Descendants("AyaBpfSdkVersion").SingleOrDefault()?.Value
            ?? throw new InvalidOperationException($"Directory.Build.props at {Path} sets no AyaBpfSdkVersion.");
    }

    // The test binaries sit several levels below the root (tests/X/bin/Config/tfm); walk up to
    // the directory holding the solution or the global.json that pins our MSBuild SDK.
    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (HasSolution(dir) || PinsOurSdk(dir))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (Aya.Bpf.Sdk.sln or a global.json pinning {SdkPackageId}) above {AppContext.BaseDirectory}.");
    }

    private static bool HasSolution(DirectoryInfo dir) =>
        File.Exists(System.IO.Path.Combine(dir.FullName, "Aya.Bpf.Sdk.sln"))
        || File.Exists(System.IO.Path.Combine(dir.FullName, "Aya.Bpf.Sdk.slnx"));

    private static bool PinsOurSdk(DirectoryInfo dir)
    {
        string globalJson = System.IO.Path.Combine(dir.FullName, "global.json");
        return File.Exists(globalJson)
            && File.ReadAllText(globalJson).Contains($"\"{SdkPackageId}\"", StringComparison.Ordinal);
    }
}
