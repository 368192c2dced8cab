using System.Text.RegularExpressions;

namespace Aya.Bpf.Tasks.Link;

/// <summary>What a line of the linker's output is: a slow phase's progress, a warning, an error, or anything else.</summary>
internal static partial class LinkerOutputLine
{
    /// <summary>The linker's marker for progress lines (its DiagnosticLog.ProgressPrefix).</summary>
    public const string ProgressPrefix = "progress: ";

    public static string? Progress(string line) =>
        line.StartsWith(ProgressPrefix, StringComparison.Ordinal) ? line[ProgressPrefix.Length..] : null;

    /// <summary>A warning in MSBuild's canonical format, as the linker writes its own.</summary>
    public static bool IsWarning(string line) => CanonicalWarning().IsMatch(line);

    /// <summary>An error in MSBuild's canonical format, as the linker writes its own.</summary>
    public static bool IsError(string line) => CanonicalError().IsMatch(line);

    [GeneratedRegex(@"^.*? : warning [A-Z]+[0-9]+: ")]
    private static partial Regex CanonicalWarning();

    [GeneratedRegex(@"^.*? : error [A-Z]+[0-9]+: ")]
    private static partial Regex CanonicalError();
}
