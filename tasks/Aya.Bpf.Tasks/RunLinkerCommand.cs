using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Runs one of the linker app's file generators (<c>dotnet Aya.Bpf.Linker.dll &lt;command&gt; &lt;arguments&gt;</c>:
/// <c>skeleton</c>, <c>kernel-types</c>), which hold the BTF reader; their canonical-format lines
/// become MSBuild errors, and a failure they did not explain is <see cref="FailureCode"/> at <see cref="FailureFile"/>.
/// </summary>
public sealed class RunLinkerCommand : ToolTask
{
    [Required] public string LinkerAssembly { get; set; } = "";

    /// <summary>The dotnet executable; empty uses the one running this build.</summary>
    public string? DotnetHostPath { get; set; }

    [Required] public string Command { get; set; } = "";

    public string[] Arguments { get; set; } = [];

    /// <summary>What the command makes, for the message of a failure it did not explain (e.g. "the C# skeleton").</summary>
    [Required] public string Product { get; set; } = "";

    [Required] public string FailureCode { get; set; } = "";

    public string? FailureFile { get; set; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override string GenerateFullPathToTool() => DotnetHost.Resolve(DotnetHostPath);

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(Path.GetFullPath(LinkerAssembly));
        builder.AppendSwitch(Command);
        // As switches with an empty name: quoted where needed, and an argument that starts with '-' is not made a path.
        foreach (var argument in Arguments)
            builder.AppendSwitchIfNotNull("", argument);
        return builder.ToString();
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
            Log.LogCodedError(FailureCode, FailureFile, $"writing {Product} failed with exit code {ExitCode} without saying why.");
        return false;
    }
}
