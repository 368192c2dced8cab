using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace Aya.Bpf.Tasks;

/// <summary>Writes the linker shim (a shell script, or a .cmd on Windows) that cargo passes to rustc.</summary>
public sealed class WriteLinkerShim : Task
{
    /// <summary>The shim's path without extension; Windows gets .cmd appended.</summary>
    [Required] public string ShimPath { get; set; } = "";
    [Required] public string LinkerAssembly { get; set; } = "";
    [Required] public string LinkManifest { get; set; } = "";

    /// <summary>The dotnet executable; empty uses the one running this build.</summary>
    public string? DotnetHostPath { get; set; }

    [Output] public string WrittenShimPath { get; private set; } = "";

    public override bool Execute()
    {
        var windows = OperatingSystem.IsWindows();
        WrittenShimPath = Path.GetFullPath(LinkerShim.FileName(ShimPath, windows));
        var content = LinkerShim.Content(DotnetHost.Resolve(DotnetHostPath), Path.GetFullPath(LinkerAssembly), Path.GetFullPath(LinkManifest), windows);
        // Written only when it changes: its timestamp then stays put, and so does cargo's view of it.
        if (FileContent.WriteIfDifferent(WrittenShimPath, content))
            Log.LogMessage(MessageImportance.Low, $"Wrote the linker shim {WrittenShimPath}");
        if (!OperatingSystem.IsWindows())
            MakeExecutable(WrittenShimPath);
        return true;
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
