using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Writes an object's C# skeleton with the linker app (<c>dotnet Aya.Bpf.Linker.dll skeleton</c>),
/// which holds the BTF reader; its canonical-format lines become MSBuild errors.
/// </summary>
public sealed class BpfGenerateSkeleton : ToolTask
{
    [Required] public string LinkerAssembly { get; set; } = "";

    /// <summary>The dotnet executable; empty uses the one running this build.</summary>
    public string? DotnetHostPath { get; set; }

    [Required] public string ObjectFile { get; set; } = "";

    [Required] public string OutputFile { get; set; } = "";

    /// <summary>The C# namespace (each dot-separated part is made a C# name); empty: the project's name made one.</summary>
    public string? Namespace { get; set; }

    [Required] public string ProjectName { get; set; } = "";

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override string GenerateFullPathToTool() => DotnetHost.Resolve(DotnetHostPath);

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(Path.GetFullPath(LinkerAssembly));
        builder.AppendSwitch("skeleton");
        builder.AppendFileNameIfNotNull(Path.GetFullPath(ObjectFile));
        builder.AppendFileNameIfNotNull(Path.GetFullPath(OutputFile));
        builder.AppendFileNameIfNotNull(string.IsNullOrWhiteSpace(Namespace) ? ProjectName : Namespace.Trim());
        builder.AppendSwitch(string.IsNullOrWhiteSpace(Namespace) ? "--from-project-name" : "--as-given");
        return builder.ToString();
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
            Log.LogCodedError(ErrorCodes.SkeletonFailed, ObjectFile, $"writing the C# skeleton failed with exit code {ExitCode} without saying why.");
        return false;
    }
}
