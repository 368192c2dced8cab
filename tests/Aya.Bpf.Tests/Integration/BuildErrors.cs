using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Integration;

/// <summary>Finds the SDK's coded errors in a build's console output.</summary>
internal static partial class BuildErrors
{
    /// <summary>
    /// The distinct lines reporting <c>error CODE:</c>, in whichever of MSBuild's shapes
    /// (<c>file(1,2) : error</c>, <c>file : error</c>, <c>origin : error</c>). Distinct because the
    /// console logger prints every error twice: where it happens (behind a node prefix such as
    /// <c>1&gt;</c>) and again in its summary.
    /// </summary>
    public static IReadOnlyList<string> Lines(BuildResult build, string code) => Reported(build, "error", code);

    /// <summary>As <see cref="Lines"/>, for the lines reporting <c>warning CODE:</c>.</summary>
    public static IReadOnlyList<string> WarningLines(BuildResult build, string code) => Reported(build, "warning", code);

    /// <summary>
    /// Fails the test unless the build ran to its end, failed, and reported <paramref name="code"/>
    /// on a line naming each of <paramref name="named"/> (files, symbols, versions); returns that line.
    /// </summary>
    public static string AssertReported(BuildResult build, string code, params string[] named)
    {
        Assert.IsFalse(build.TimedOut, build.Describe());
        Assert.AreNotEqual(0, build.ExitCode, $"The build should have failed. {build.Describe()}");
        return AssertNamed(build, Lines(build, code), $"error {code}", named);
    }

    /// <summary>
    /// Fails the test unless the build reported warning <paramref name="code"/> on a line naming each
    /// of <paramref name="named"/>; returns that line. The build may have succeeded.
    /// </summary>
    public static string AssertWarned(BuildResult build, string code, params string[] named)
    {
        Assert.IsFalse(build.TimedOut, build.Describe());
        return AssertNamed(build, WarningLines(build, code), $"warning {code}", named);
    }

    /// <summary>
    /// Fails the test unless <paramref name="reported"/> (an error or warning line) is placed at
    /// <paramref name="line"/> of a file whose path ends in <paramref name="file"/>, e.g.
    /// <c>maps-legacy/src/main.rs</c>: MSBuild's <c>path(line,column)</c> or <c>path(line)</c>.
    /// </summary>
    public static void AssertAt(string reported, string file, int line, BuildResult build) =>
        Assert.MatchesRegex(
            new Regex($@"[/\\]{Regex.Escape(file).Replace("/", @"[/\\]", StringComparison.Ordinal)}\({line}(,\d+)*\): (error|warning) "),
            reported,
            $"Expected at {file} line {line}: {reported}{Environment.NewLine}{build.Describe()}");

    private static IReadOnlyList<string> Reported(BuildResult build, string severity, string code) =>
        [.. build.Output.Split('\n')
            .Select(line => NodePrefix().Replace(line, string.Empty).Trim())
            .Where(line => line.Contains($"{severity} {code}:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    private static string AssertNamed(BuildResult build, IReadOnlyList<string> lines, string what, string[] named)
    {
        Assert.IsNotEmpty(lines, $"No {what} was reported. {build.Describe()}");
        string? naming = lines.FirstOrDefault(line => named.All(text => line.Contains(text, StringComparison.Ordinal)));
        Assert.IsNotNull(naming, $"No {what} names all of [{string.Join(", ", named)}]. {build.Describe()}");
        return naming;
    }

    // "1>" or "1:7>": the build node (and project instance) the console logger puts before a line.
    [GeneratedRegex(@"^\s*\d+(:\d+)?>")]
    private static partial Regex NodePrefix();
}
