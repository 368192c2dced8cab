using System.Diagnostics;

namespace Aya.Bpf.Tasks.Toolchain;

/// <summary>What a short-lived tool printed and how it ended.</summary>
/// <param name="CouldNotStart">The tool did not start; <paramref name="StandardError"/> says why.</param>
internal sealed record ToolProcessResult(int ExitCode, string StandardOutput, string StandardError, bool CouldNotStart = false);

internal static class ToolProcess
{
    /// <summary>Runs a quick query command (e.g. <c>rustc -vV</c>) to completion.</summary>
    public static ToolProcessResult Run(string path, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo)!;
        // Read stderr concurrently so that neither pipe can fill up and stall the tool.
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ToolProcessResult(process.ExitCode, standardOutput, standardError.GetAwaiter().GetResult());
    }
}
