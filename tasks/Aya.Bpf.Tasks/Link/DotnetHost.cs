namespace Aya.Bpf.Tasks.Link;

/// <summary>The dotnet executable that runs the linker app.</summary>
internal static class DotnetHost
{
    /// <summary>The given path, else the one the .NET CLI gives MSBuild, else this process's own.</summary>
    public static string Resolve(string? configured) =>
        !string.IsNullOrEmpty(configured) ? configured
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath
        : Environment.ProcessPath ?? "dotnet";
}
