using System.Text.Json;

namespace Aya.Bpf.Tasks.Link;

/// <summary>
/// Reads the link manifest that the linker's <c>capture</c> command writes (<c>{"exports": [...],
/// "inputs": [...]}</c>); the tasks only need its inputs, for the link step's up-to-date check.
/// </summary>
internal static class LinkManifestFile
{
    /// <returns>The inputs, or null when the text is not a link manifest.</returns>
    public static IReadOnlyList<string>? ReadInputs(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("exports", out var exports) || exports.ValueKind != JsonValueKind.Array
                || !json.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
                return null;
            return [.. inputs.EnumerateArray().Where(input => input.ValueKind == JsonValueKind.String).Select(input => input.GetString()!)];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
