namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Text the BPF linker prints during its phases, which a successful build's log must contain.
/// Kept in one place so it follows the linker's wording when that changes.
/// </summary>
internal static class LinkerLogMarkers
{
    /// <summary>Printed once the symbols to keep are decided.</summary>
    public const string ExportedSymbols = "exported symbols";

    /// <summary>Printed, with counts, once the debug info is made valid BTF; every link does this.</summary>
    public const string DebugInfoRepaired = "Debug info repaired for BTF:";

    /// <summary>Printed when the object file is written.</summary>
    public const string Wrote = "wrote";

    /// <summary>Every marker a successful link prints.</summary>
    public static IReadOnlyList<string> All { get; } = [ExportedSymbols, DebugInfoRepaired, Wrote];

    // `-bl` makes MSBuild itself print "BinaryLogger wrote to: ...", which must not count.
    private const string BinaryLoggerLine = "BinaryLogger";

    /// <summary>The markers missing from <paramref name="buildLog"/> (case-insensitive, ignoring MSBuild's own lines).</summary>
    public static IReadOnlyList<string> MissingFrom(string buildLog)
    {
        string[] lines = [.. buildLog.Split('\n').Where(line => !line.Contains(BinaryLoggerLine, StringComparison.Ordinal))];
        return [.. All.Where(marker => !lines.Any(line => line.Contains(marker, StringComparison.OrdinalIgnoreCase)))];
    }
}
