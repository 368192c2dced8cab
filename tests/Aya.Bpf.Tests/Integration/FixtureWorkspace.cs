using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A private copy of tests/fixtures in a temporary directory, set up to restore the SDK packed
/// for this run, where fixture projects can be built without touching the repository.
/// </summary>
internal sealed class FixtureWorkspace : IDisposable
{
    private const string NuGetOrg = "https://api.nuget.org/v3/index.json";

    /// <summary>Long enough for a cold restore plus a cargo build; a hung build fails the test.</summary>
    public static readonly TimeSpan DefaultBuildTimeout = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    // Build outputs of fixtures built in place must not leak into a workspace: cargo's target/
    // anywhere, and the bin/ and obj/ of a project (not a crate's src/bin/).
    private static readonly HashSet<string> ProjectOutputDirectories = ["bin", "obj"];

    private FixtureWorkspace(string root, PackedSdk sdk)
    {
        Root = root;
        Sdk = sdk;
    }

    /// <summary>The workspace directory: the fixtures' parent, holding global.json and nuget.config.</summary>
    public string Root { get; }

    /// <summary>The SDK package this workspace restores.</summary>
    public PackedSdk Sdk { get; }

    /// <summary>Packs the SDK if this run has not yet, then copies the fixtures into a new temp directory.</summary>
    public static FixtureWorkspace Create() => Create(folderSuffix: "");

    /// <summary>As <see cref="Create()"/>, the directory's name ending in <paramref name="folderSuffix"/> (a checkout at a path of another length).</summary>
    public static FixtureWorkspace Create(string folderSuffix)
    {
        PackedSdk sdk = SdkPackage.EnsurePacked();
        string root = Path.Combine(Path.GetTempPath(), "aya-bpf-tests", Guid.NewGuid().ToString("N") + folderSuffix);
        Directory.CreateDirectory(root);

        FixtureWorkspace workspace = new(root, sdk);
        try
        {
            CopyDirectory(RepositoryRoot.Combine("tests", "fixtures"), root);
            CopySamples(root);
            workspace.WriteGlobalJson();
            workspace.WriteNuGetConfig();
            WriteBuildBoundaries(root);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Absolute path of a file given relative to the workspace, e.g. "xdp-pass/bin/Release/xdp-pass.bpf.o".</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>
    /// Runs `dotnet build &lt;project&gt; -c Release` with a binary log; extra MSBuild arguments
    /// follow, e.g. <c>Build("xdp-pass/xdp-pass.bpfproj", "-p:RustToolchain=nosuch")</c>.
    /// </summary>
    public BuildResult Build(string project, params string[] extraArguments) =>
        Build(project, DefaultBuildTimeout, extraArguments);

    /// <summary>`dotnet build &lt;project&gt;` as a user types it, in the default (Debug) configuration; extra arguments follow.</summary>
    public BuildResult BuildPlain(string project, params string[] extraArguments) =>
        RunBuild(project, DefaultBuildTimeout, environment: null, extraArguments, configuration: null);

    /// <summary>As <see cref="Build(string, string[])"/>, with its own time limit.</summary>
    public BuildResult Build(string project, TimeSpan timeout, params string[] extraArguments) =>
        RunBuild(project, timeout, environment: null, extraArguments);

    /// <summary>As <see cref="Build(string, string[])"/>, with environment variables set for the build.</summary>
    public BuildResult Build(string project, IReadOnlyDictionary<string, string> environment, params string[] extraArguments) =>
        RunBuild(project, DefaultBuildTimeout, environment, extraArguments);

    /// <summary>
    /// As <see cref="Build(string, string[])"/> with another build verb of the dotnet CLI
    /// (<c>publish</c>, <c>clean</c>, <c>msbuild</c>...) on a project or solution.
    /// </summary>
    public BuildResult BuildVerb(string verb, string project, params string[] extraArguments) =>
        RunBuild(project, DefaultBuildTimeout, environment: null, extraArguments, verb);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in the workspace folder (e.g. <c>new sln</c>, <c>sln add</c>).</summary>
    public ProcessResult Dotnet(params string[] arguments) =>
        ChildProcess.Run(DotnetCli.Executable, arguments, DefaultBuildTimeout, Root);

    /// <summary>
    /// Writes <paramref name="content"/> to a file given relative to the workspace, creating its
    /// folder, and returns the file's absolute path.
    /// </summary>
    public string WriteFile(string relativePath, byte[] content)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <param name="configuration">The configuration; null leaves it to the project (Debug).</param>
    private BuildResult RunBuild(
        string project, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, string[] extraArguments, string verb = "build",
        string? configuration = "Release")
    {
        string projectPath = PathOf(project);
        string binlog = NewBinlogPath(project);

        ProcessResult result = ChildProcess.Run(
            DotnetCli.Executable,
            [
                verb, projectPath,
                .. configuration is null ? [] : verb == "msbuild" ? (string[])[$"-p:Configuration={configuration}"] : ["-c", configuration],
                "-nologo",
                "-v", "n",
                $"-bl:{binlog}",
                "-nodeReuse:false",
                .. extraArguments,
            ],
            timeout,
            Path.GetDirectoryName(projectPath),
            environment);

        return new BuildResult(result.ExitCode, result.Output, binlog, result.TimedOut);
    }

    /// <summary>Deletes the workspace; a leftover temp directory is not worth failing a test for.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Binlogs outlive the workspace so a failed CI run can still be inspected.
    private static string NewBinlogPath(string project)
    {
        string directory = RepositoryRoot.Combine("artifacts", "test-logs");
        Directory.CreateDirectory(directory);
        string name = Path.GetFileNameWithoutExtension(project);
        return Path.Combine(directory, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.binlog");
    }

    // The README's samples, under samples/: their nuget.config (the in-repo feed) gives way to the workspace's.
    private static void CopySamples(string root)
    {
        string samples = Path.Combine(root, "samples");
        CopyDirectory(RepositoryRoot.Combine("samples"), samples);
        File.Delete(Path.Combine(samples, "nuget.config"));
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (string directory in Directory.EnumerateDirectories(source))
        {
            string name = Path.GetFileName(directory);
            bool isProjectOutput = ProjectOutputDirectories.Contains(name)
                && Directory.EnumerateFiles(source).Any(file => Path.GetExtension(file) is ".bpfproj" or ".csproj");
            if (name != "target" && !isProjectOutput)
            {
                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }
    }

    // Directory.Build.props/targets and Directory.Packages.props are searched upwards from the
    // project; empty ones here keep whatever lies above the temp directory out of the build.
    private static void WriteBuildBoundaries(string root)
    {
        foreach (string name in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"])
        {
            File.WriteAllText(Path.Combine(root, name), "<Project />\n");
        }
    }

    // Same .NET SDK selection as the repository, plus the Aya.Bpf.Sdk version the project files
    // resolve through `<Project Sdk="Aya.Bpf.Sdk" />`.
    private void WriteGlobalJson()
    {
        JsonObject repository = RepositoryRoot.ReadGlobalJson();
        JsonObject globalJson = [];
        if (repository["sdk"] is JsonNode sdkSection)
        {
            globalJson["sdk"] = sdkSection.DeepClone();
        }

        globalJson["msbuild-sdks"] = new JsonObject { ["Aya.Bpf.Sdk"] = Sdk.Version };

        string text = globalJson.ToJsonString(IndentedJson);
        File.WriteAllText(Path.Combine(Root, "global.json"), text);
    }

    private void WriteNuGetConfig()
    {
        XDocument config = new(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("clear"),
                    Source("aya-bpf-test-feed", Sdk.FeedDirectory),
                    Source("nuget.org", NuGetOrg)),
                new XElement("fallbackPackageFolders", new XElement("clear")),
                new XElement("config",
                    new XElement("add",
                        new XAttribute("key", "globalPackagesFolder"),
                        new XAttribute("value", Sdk.PackagesFolder)))));

        config.Save(Path.Combine(Root, "nuget.config"));

        static XElement Source(string key, string value) =>
            new("add", new XAttribute("key", key), new XAttribute("value", value));
    }
}
