using System.Diagnostics;
using System.Text;

namespace Aya.Bpf.Tests.Integration;

/// <summary>Runs a command to completion with a time limit, capturing its output.</summary>
internal static class ChildProcess
{
    // How long to wait for the pipes to drain after a killed process tree.
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>; on timeout kills the
    /// whole process tree and reports <see cref="ProcessResult.TimedOut"/>.
    /// <paramref name="environment"/> sets variables for the child on top of the inherited ones.
    /// </summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo startInfo = new(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        RemoveInheritedMSBuildState(startInfo.Environment);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        StringBuilder stdout = new();
        StringBuilder stderr = new();
        StringBuilder combined = new();
        object gate = new();

        using Process process = new() { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdout);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderr);

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot start '{fileName}': {ex.Message}", ex);
        }

        // Nothing is fed to the child; a closed stdin keeps prompts from hanging the test.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainAfterKill);
        }
        else
        {
            // The parameterless overload also waits for the output handlers to finish.
            process.WaitForExit();
        }

        lock (gate)
        {
            if (timedOut)
            {
                combined.AppendLine(
                    $"[test harness] killed '{fileName}' and its children after {timeout.TotalSeconds:0} s.");
            }

            return new ProcessResult(
                timedOut ? -1 : process.ExitCode,
                stdout.ToString(),
                stderr.ToString(),
                combined.ToString(),
                timedOut);
        }

        void Append(string? line, StringBuilder stream)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                stream.AppendLine(line);
                combined.AppendLine(line);
            }
        }
    }

    /// <summary>Finds an executable on PATH (and the sbin directories non-root PATHs omit).</summary>
    public static string? FindOnPath(string name)
    {
        IEnumerable<string> directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin"]);
        return directories
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    // The test host may run under dotnet test/MSBuild, whose MSBuild* variables (SDK paths,
    // MSBUILD_EXE_PATH, node settings) would make a nested `dotnet build` use the wrong MSBuild.
    private static void RemoveInheritedMSBuildState(IDictionary<string, string?> environment)
    {
        string[] inherited = [.. environment.Keys.Where(
            key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))];
        foreach (string key in inherited)
        {
            environment.Remove(key);
        }

        // A nested build must not leave MSBuild nodes behind holding our output pipes open.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
    }
}
