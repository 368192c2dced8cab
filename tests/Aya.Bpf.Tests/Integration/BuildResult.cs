namespace Aya.Bpf.Tests.Integration;

/// <summary>The outcome of `dotnet build` on a fixture project.</summary>
/// <param name="ExitCode">dotnet build's exit code (-1 when killed for timing out).</param>
/// <param name="Output">Console output, stdout and stderr interleaved.</param>
/// <param name="BinlogPath">The binary log, kept after the workspace is deleted.</param>
/// <param name="TimedOut">True when the build was killed for running too long.</param>
internal sealed record BuildResult(int ExitCode, string Output, string BinlogPath, bool TimedOut)
{
    /// <summary>True when the build finished and exited 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Everything worth showing when an assertion on this build fails.</summary>
    public string Describe() =>
        $"dotnet build exit code {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}, "
        + $"binlog {BinlogPath}{Environment.NewLine}{Output}";
}
