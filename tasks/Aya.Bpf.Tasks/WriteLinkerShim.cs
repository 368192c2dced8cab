using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Writes the scripts (shell scripts, or .cmd files on Windows) that stand in for tools of the Rust
/// build: <c>rustc-linker</c>, the BPF target's linker cargo gives rustc; <c>bin/bpf-linker</c>, the
/// same under the name aya's build scripts and configs look for on PATH; and <c>rustc-wrapper</c>,
/// which a host build runs rustc through.
/// </summary>
public sealed class WriteLinkerShim : Task
{
    /// <summary>The folder the shims go to (the project's link folder under obj/).</summary>
    [Required] public string ShimDirectory { get; set; } = "";
    [Required] public string LinkerAssembly { get; set; } = "";

    /// <summary>Where the capture records each link (the link output beside it holds the same).</summary>
    [Required] public string LinkManifest { get; set; } = "";

    /// <summary>The dotnet executable; empty uses the one running this build.</summary>
    public string? DotnetHostPath { get; set; }

    [Output] public string LinkerShimPath { get; private set; } = "";

    /// <summary>The folder holding <c>bpf-linker</c>, to put first on cargo's PATH.</summary>
    [Output] public string BpfLinkerDirectory { get; private set; } = "";

    [Output] public string RustcWrapperPath { get; private set; } = "";

    public override bool Execute()
    {
        var windows = OperatingSystem.IsWindows();
        var directory = Path.GetFullPath(ShimDirectory);
        var dotnet = DotnetHost.Resolve(DotnetHostPath);
        var linker = Path.GetFullPath(LinkerAssembly);
        string[] capture = ["capture", Path.GetFullPath(LinkManifest)];

        LinkerShimPath = Write(Path.Combine(directory, "rustc-linker"), capture);
        BpfLinkerDirectory = Path.Combine(directory, "bin");
        Write(Path.Combine(BpfLinkerDirectory, "bpf-linker"), capture);
        RustcWrapperPath = Write(Path.Combine(directory, "rustc-wrapper"), ["rustc-wrapper"]);
        return true;

        string Write(string baseName, string[] command)
        {
            var path = LinkerShim.FileName(baseName, windows);
            // Written only when it changes: its timestamp then stays put, and so does cargo's view of it.
            if (FileContent.WriteIfDifferent(path, LinkerShim.Content(dotnet, linker, command, windows)))
                Log.LogMessage(MessageImportance.Low, $"Wrote {path}");
            if (!windows)
                MakeExecutable(path);
            return path;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeExecutable(string path)
    {
        const UnixFileMode executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if ((File.GetUnixFileMode(path) & executable) != executable)
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | executable);
    }
}
