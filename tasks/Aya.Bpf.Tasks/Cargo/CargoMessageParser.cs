using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aya.Bpf.Tasks.Cargo;

/// <summary>
/// Reads the lines of <c>cargo build --message-format=json</c>. A pure function of the line (and of
/// which files exist, to anchor rustc's relative paths), so it is tested without MSBuild.
/// </summary>
internal static partial class CargoMessageParser
{
    public static CargoEvent Parse(string line) => Parse(line, File.Exists);

    /// <param name="line">One line of cargo's stdout or stderr.</param>
    /// <param name="fileExists">Tells which candidate file a relative span path names.</param>
    public static CargoEvent Parse(string line, Func<string, bool> fileExists)
    {
        if (!line.StartsWith('{'))
            return new CargoTextLine(line);
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return String(root, "reason") switch
            {
                "compiler-message" => ParseDiagnostic(root, fileExists),
                "compiler-artifact" => ParseArtifact(root),
                "build-finished" => new CargoBuildFinished(root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True),
                { } reason => new CargoOtherMessage(reason),
                null => new CargoTextLine(line),
            };
        }
        catch (JsonException)
        {
            return new CargoTextLine(line);
        }
    }

    private static CargoDiagnostic ParseDiagnostic(JsonElement root, Func<string, bool> fileExists)
    {
        var message = root.GetProperty("message");
        var text = WithChildren(String(message, "message") ?? "", message);
        var code = message.TryGetProperty("code", out var codeObject) && codeObject.ValueKind == JsonValueKind.Object
            ? String(codeObject, "code") ?? "rustc"
            : "rustc";
        var manifestPath = String(root, "manifest_path");
        var severity = Severity(String(message, "level"), text);
        var rendered = String(message, "rendered");

        if (PrimarySpan(message) is not { } span)
            return new CargoDiagnostic(severity, code, text, manifestPath, 0, 0, 0, 0, rendered);
        var file = ResolveSpanFile(String(span, "file_name") ?? "", manifestPath, fileExists);
        return new CargoDiagnostic(severity, code, text, file,
            Int(span, "line_start"), Int(span, "column_start"), Int(span, "line_end"), Int(span, "column_end"), rendered);
    }

    /// <summary>rustc's <c>help:</c> and <c>note:</c> lines, which say what to do, kept in the one-line message.</summary>
    private static string WithChildren(string text, JsonElement message)
    {
        if (!message.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
            return text;
        var notes = children.EnumerateArray()
            .Select(child => (Level: String(child, "level"), Text: String(child, "message")))
            .Where(child => child.Level is "help" or "note" && !string.IsNullOrWhiteSpace(child.Text))
            .Select(child => $"{child.Level}: {OneLine(child.Text!)}")
            .ToList();
        return notes.Count == 0 ? text : $"{text} ({string.Join("; ", notes)})";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static DiagnosticSeverity Severity(string? level, string text)
    {
        // rustc's closing summaries repeat what was already reported.
        if (Summary().IsMatch(text))
            return DiagnosticSeverity.Note;
        return level switch
        {
            "error" or "error: internal compiler error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Note,
        };
    }

    private static JsonElement? PrimarySpan(JsonElement message)
    {
        if (!message.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array)
            return null;
        JsonElement? primary = null;
        foreach (var span in spans.EnumerateArray())
        {
            if (span.TryGetProperty("is_primary", out var isPrimary) && isPrimary.ValueKind == JsonValueKind.True)
            {
                primary = span;
                break;
            }
        }
        // A span inside a macro's own text ("<std macros>", ...) is shown at the macro's call site.
        while (primary is { } current && (String(current, "file_name") ?? "").StartsWith('<')
            && current.TryGetProperty("expansion", out var expansion) && expansion.ValueKind == JsonValueKind.Object
            && expansion.TryGetProperty("span", out var callSite) && callSite.ValueKind == JsonValueKind.Object)
        {
            primary = callSite;
        }
        return primary;
    }

    /// <summary>
    /// rustc names files relative to the directory cargo ran it in: the workspace root, which is the
    /// package's folder or one of its parents. Absolute names (path dependencies) stay as they are.
    /// </summary>
    private static string ResolveSpanFile(string fileName, string? manifestPath, Func<string, bool> fileExists)
    {
        if (Path.IsPathRooted(fileName) || manifestPath is null)
            return fileName;
        var packageDirectory = Path.GetDirectoryName(manifestPath)!;
        for (var directory = packageDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, fileName);
            if (fileExists(candidate))
                return Path.GetFullPath(candidate);
        }
        return Path.GetFullPath(Path.Combine(packageDirectory, fileName));
    }

    private static CargoArtifact ParseArtifact(JsonElement root)
    {
        var target = root.GetProperty("target");
        return new CargoArtifact(
            String(target, "name") ?? "",
            Strings(target, "kind"),
            String(root, "executable"),
            Strings(root, "filenames"),
            root.TryGetProperty("fresh", out var fresh) && fresh.ValueKind == JsonValueKind.True);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];

    [GeneratedRegex(@"^(aborting due to|\d+ warnings? emitted|\d+ warnings?( and \d+ errors?)? generated)")]
    private static partial Regex Summary();
}
