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
    public static IReadOnlyList<string> Lines(BuildResult build, string code) =>
        [.. build.Output.Split('\n')
            .Select(line => NodePrefix().Replace(line, string.Empty).Trim())
            .Where(line => line.Contains($"error {code}:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Fails the test unless the build ran to its end, failed, and reported <paramref name="code"/>
    /// on a line naming each of <paramref name="named"/> (files, symbols, versions); returns that line.
    /// </summary>
    public static string AssertReported(BuildResult build, string code, params string[] named)
    {
        Assert.IsFalse(build.TimedOut, build.Describe());
        Assert.AreNotEqual(0, build.ExitCode, $"The build should have failed. {build.Describe()}");

        IReadOnlyList<string> lines = Lines(build, code);
        Assert.IsNotEmpty(lines, $"No error {code} was reported. {build.Describe()}");
        string? naming = lines.FirstOrDefault(line => named.All(text => line.Contains(text, StringComparison.Ordinal)));
        Assert.IsNotNull(naming, $"No error {code} names all of [{string.Join(", ", named)}]. {build.Describe()}");
        return naming;
    }

    // "1>" or "1:7>": the build node (and project instance) the console logger puts before a line.
    [GeneratedRegex(@"^\s*\d+(:\d+)?>")]
    private static partial Regex NodePrefix();
}
