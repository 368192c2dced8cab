namespace Aya.Bpf.Tests.Integration;

/// <summary>`dotnet pack` of a project of this checkout into a local feed, as the tests install its packages from there.</summary>
internal static class RepositoryPack
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Packs <paramref name="project"/> (relative to the repository) in Release into <paramref name="feed"/>
    /// and returns the path of <paramref name="packageFile"/>; throws with dotnet's output unless this
    /// pack wrote that file.
    /// </summary>
    public static string Pack(string project, string feed, string packageFile)
    {
        string projectPath = RepositoryRoot.Combine(project);
        string package = Path.Combine(feed, packageFile);

        if (!File.Exists(projectPath))
        {
            throw new InvalidOperationException($"The project {projectPath} does not exist.");
        }

        // A package left by an earlier run would pass the existence check below even if this
        // pack produced nothing.
        Directory.CreateDirectory(feed);
        File.Delete(package);

        ProcessResult result = ChildProcess.Run(
            DotnetCli.Executable,
            ["pack", projectPath, "-c", "Release", "-o", feed, "-nologo", "-nodeReuse:false"],
            PackTimeout,
            RepositoryRoot.Path);

        if (!result.Succeeded || !File.Exists(package))
        {
            throw new InvalidOperationException(
                $"dotnet pack {projectPath} failed (exit {result.ExitCode}, timed out: {result.TimedOut}); "
                + $"expected {package}.{Environment.NewLine}{result.Output}");
        }

        return package;
    }
}
