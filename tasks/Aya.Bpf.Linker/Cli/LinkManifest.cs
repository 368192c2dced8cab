using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// What rustc asked its linker to link, recorded by <c>capture</c> and read by <c>link</c>:
/// the exported symbols (rustc's own list) and the inputs in rustc's order.
/// </summary>
internal sealed record LinkManifest(IReadOnlyList<string> Exports, IReadOnlyList<string> Inputs)
{
    public static LinkManifest Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), LinkManifestJson.Default.LinkManifest)
        ?? throw new InvalidDataException($"{path} holds no link manifest");

    public void Write(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, LinkManifestJson.Default.LinkManifest));
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LinkManifest))]
internal sealed partial class LinkManifestJson : JsonSerializerContext;
