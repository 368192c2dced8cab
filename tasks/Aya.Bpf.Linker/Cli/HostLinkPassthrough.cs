using System.Diagnostics;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// In a host build (BpfRustBuild=host) cargo's linker setting for the host triple also reaches the
/// links of build scripts and proc macros, which must really run on this machine. cargo puts the
/// program's own artifacts under <c>&lt;target-dir&gt;/&lt;triple&gt;/</c> and host tools elsewhere,
/// so a link whose output is outside that folder is handed to the system's C compiler driver, as
/// rustc would have done without the SDK.
/// </summary>
internal static class HostLinkPassthrough
{
    /// <summary>Set by the SDK in a host build: the folder under which outputs are the BPF program's.</summary>
    public const string CaptureDirectoryVariable = "AYA_BPF_CAPTURE_DIRECTORY";

    /// <summary>rustc's default linker for GNU/Linux hosts.</summary>
    private const string SystemLinker = "cc";

    /// <summary>Whether a link writing <paramref name="output"/> belongs to a host tool rather than to the program.</summary>
    /// <param name="captureDirectory">The value of <see cref="CaptureDirectoryVariable"/>; null outside a host build.</param>
    public static bool IsHostToolLink(string? captureDirectory, string? output)
    {
        if (string.IsNullOrEmpty(captureDirectory) || output is null)
            return false;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(captureDirectory)) + Path.DirectorySeparatorChar;
        return !Path.GetFullPath(output).StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>The output path (<c>-o</c>) of a linker command line, response files included.</summary>
    public static string? OutputOf(IReadOnlyList<string> expandedArguments)
    {
        for (var i = 0; i + 1 < expandedArguments.Count; i++)
        {
            if (expandedArguments[i] == "-o")
                return expandedArguments[i + 1];
        }
        return null;
    }

    /// <summary>Runs the system linker with rustc's arguments as given; its output is rustc's to show.</summary>
    public static int Run(IReadOnlyList<string> linkerArguments, TextWriter error)
    {
        var start = new ProcessStartInfo(SystemLinker) { UseShellExecute = false };
        foreach (var argument in linkerArguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error.WriteLine($"Aya.Bpf.Linker capture: error: a build script or proc macro needs the system linker '{SystemLinker}', which could not be run: {e.Message}");
            return 1;
        }
    }
}
