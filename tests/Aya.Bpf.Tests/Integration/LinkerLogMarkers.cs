using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Text the BPF linker prints during its phases, which a successful build's log must contain.
/// Kept in one place so it follows the linker's wording when that changes.
/// </summary>
internal static partial class LinkerLogMarkers
{
    /// <summary>Printed once the symbols to keep are decided.</summary>
    public const string ExportedSymbols = "exported symbols";

    /// <summary>Printed, with counts, once the debug info is made valid BTF; every link does this.</summary>
    public const string DebugInfoRepaired = "Debug info repaired for BTF:";

    /// <summary>Printed when the object file is written.</summary>
    public const string Wrote = "wrote";

    /// <summary>Printed, after "Map NAME: ", for each legacy map static written the BTF way.</summary>
    public const string LegacyMapRewritten = "legacy definition rewritten into .maps";

    /// <summary>Every marker a successful link prints.</summary>
    public static IReadOnlyList<string> All { get; } = [ExportedSymbols, DebugInfoRepaired, Wrote];

    // `-bl` makes MSBuild itself print "BinaryLogger wrote to: ...", which must not count.
    private const string BinaryLoggerLine = "BinaryLogger";

    /// <summary>
    /// The log's reports of a legacy map written the BTF way, one per map, e.g.
    /// <c>Map COUNTERS: legacy definition rewritten into .maps (type 1, key u32, value Counter, max_entries 16)</c>.
    /// </summary>
    public static IReadOnlyList<string> LegacyMapLines(string buildLog) =>
        [.. LegacyMapLine().Matches(buildLog).Select(match => match.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The markers missing from <paramref name="buildLog"/> (case-insensitive, ignoring MSBuild's own lines).</summary>
    public static IReadOnlyList<string> MissingFrom(string buildLog)
    {
        string[] lines = [.. buildLog.Split('\n').Where(line => !line.Contains(BinaryLoggerLine, StringComparison.Ordinal))];
        return [.. All.Where(marker => !lines.Any(line => line.Contains(marker, StringComparison.OrdinalIgnoreCase)))];
    }

    // "Map NAME: legacy definition rewritten into .maps (type 1, key u32, ...)", up to its closing parenthesis.
    [GeneratedRegex(@"Map [^\s:]+: legacy definition rewritten into \.maps \([^)\r\n]*\)")]
    private static partial Regex LegacyMapLine();
}
