namespace Aya.Bpf.Tests.Integration;

/// <summary>How a child process ended and everything it printed.</summary>
/// <param name="ExitCode">The exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="StandardOutput">What it wrote to stdout.</param>
/// <param name="StandardError">What it wrote to stderr.</param>
/// <param name="Output">stdout and stderr interleaved in arrival order.</param>
/// <param name="TimedOut">True when it was killed for running past its time limit.</param>
internal sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    string Output,
    bool TimedOut)
{
    /// <summary>True when the process ran to completion and exited 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;
}
