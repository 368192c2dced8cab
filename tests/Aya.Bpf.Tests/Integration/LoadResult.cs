namespace Aya.Bpf.Tests.Integration;

/// <summary>What `bpftool -d prog loadall` made of an object file.</summary>
/// <param name="ExitCode">bpftool's exit code.</param>
/// <param name="Log">bpftool's and libbpf's messages (stderr), then its stdout.</param>
/// <param name="Programs">The programs it pinned, described while they were loaded.</param>
internal sealed record LoadResult(int ExitCode, string Log, IReadOnlyList<LoadedProgram> Programs)
{
    private static readonly string[] BtfRejectionMarkers =
        ["BTF is optional", "Error loading .BTF", "BTF loading error", "BEGIN BTF LOAD LOG"];

    private static readonly string[] WarningMarkers =
        ["warn", "error", "fail", "retrying", "ignor", "skip", "unknown", "invalid", "unrecognized", "not supported"];

    /// <summary>libbpf log lines that report an error or failure, even ones libbpf carries on after.</summary>
    public IReadOnlyList<string> LibbpfErrorLines =>
        [.. Log.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith("libbpf:", StringComparison.Ordinal)
                && (line.Contains("error", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("failed", StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// libbpf log lines that warn of anything, beyond <see cref="LibbpfErrorLines"/>: a map created again
    /// without its BTF ("Retrying without BTF."), a section or attribute skipped or ignored, an unknown
    /// or invalid definition.
    /// </summary>
    public IReadOnlyList<string> LibbpfWarningLines =>
        [.. Log.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith("libbpf:", StringComparison.Ordinal)
                && WarningMarkers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// Log lines showing the kernel refused the object's BTF. libbpf then loads the programs
    /// without it ("Error loading .BTF into kernel: -22. BTF is optional, ignoring."), so the load
    /// itself succeeds; "BTF loading error" and the BTF load log's banner come with the refusal.
    /// </summary>
    public IReadOnlyList<string> BtfRejectionLines =>
        [.. Log.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => BtfRejectionMarkers.Any(marker => line.Contains(marker, StringComparison.Ordinal)))];

    /// <summary>The loaded program of that name, or null.</summary>
    public LoadedProgram? Program(string name) => Programs.FirstOrDefault(p => p.Name == name);

    /// <summary>Everything worth showing when an assertion on this load fails.</summary>
    public string Describe() =>
        $"bpftool exit code {ExitCode}; programs: [{string.Join(", ", Programs)}]{Environment.NewLine}{Log}";
}
