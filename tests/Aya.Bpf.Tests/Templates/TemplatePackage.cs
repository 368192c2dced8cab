using System.Text;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>
/// The Aya.Bpf.Templates package built from this checkout, packed once per test run and installed
/// into a template hive of the run's own, so that `dotnet new` finds these templates and not
/// whatever the machine has installed (which stays untouched).
/// </summary>
internal static class TemplatePackage
{
    public const string PackageId = "Aya.Bpf.Templates";

    /// <summary>The workspace folder the instances are made in, below the cargo config that patches aya-ebpf.</summary>
    public const string InstancesFolder = "templates";

    /// <summary>The templates' short names: one per program type, and the console app with its XDP crate.</summary>
    public static readonly string[] ShortNames = ["aya-xdp", "aya-tc", "aya-kprobe", "aya-tracepoint", "aya-xdp-console"];

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    // Thread-safe and caching a failure too, as the SDK's pack.
    private static readonly Lazy<string> InstalledHive = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The hive (`--debug:custom-hive`) holding the package; packed and installed on first use.</summary>
    public static string Hive => InstalledHive.Value;

    /// <summary>`dotnet new ARGUMENTS` on the run's hive, in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult New(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(DotnetCli.Executable, ["new", .. arguments, "--debug:custom-hive", Hive], CommandTimeout, workingDirectory);

    /// <summary>As <see cref="New(string, string[])"/>, with environment variables set for `dotnet new` (e.g. its culture).</summary>
    public static ProcessResult New(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(DotnetCli.Executable, ["new", .. arguments, "--debug:custom-hive", Hive], CommandTimeout, workingDirectory, environment);

    /// <summary>
    /// Instantiates <paramref name="instance"/> in the workspace's <see cref="InstancesFolder"/>, below a
    /// cargo config that resolves the templates' <c>aya-ebpf = "0.1"</c> to the workspace's copy of the
    /// aya-shaped fixture crates, offline: no crate registry is reachable here.
    /// </summary>
    public static void Instantiate(FixtureWorkspace workspace, TemplateInstance instance)
    {
        WriteCargoPatch(workspace);
        ProcessResult result = New(workspace.Root, [instance.ShortName, "-n", instance.Name, "-o", workspace.PathOf(instance.Folder), .. instance.Options]);
        Assert.IsTrue(result.Succeeded, $"dotnet new {instance.ShortName} failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
    }

    private static void WriteCargoPatch(FixtureWorkspace workspace)
    {
        string ayaEbpf = workspace.PathOf("aya/aya-ebpf");
        string config = $$"""
            # crates.io's aya-ebpf is the fixtures' aya-shaped crate of the same name and API.
            [patch.crates-io]
            aya-ebpf = { path = '{{ayaEbpf}}' }

            [net]
            offline = true

            """;
        workspace.WriteFile($"{InstancesFolder}/.cargo/config.toml", Encoding.UTF8.GetBytes(config));
    }

    // A hive left by an earlier run would still hold that run's package.
    private static string Install()
    {
        string package = RepositoryPack.Pack(
            Path.Combine("templates", "Aya.Bpf.Templates.csproj"),
            RepositoryRoot.Combine("artifacts", "test-feed"),
            $"{PackageId}.{RepositoryRoot.PackageVersion()}.nupkg");
        string hive = RepositoryRoot.Combine("artifacts", "test-template-hive");
        if (Directory.Exists(hive))
        {
            Directory.Delete(hive, recursive: true);
        }

        ProcessResult install = ChildProcess.Run(
            DotnetCli.Executable, ["new", "install", package, "--debug:custom-hive", hive], CommandTimeout, RepositoryRoot.Path);
        if (!install.Succeeded)
        {
            throw new InvalidOperationException($"dotnet new install {package} failed (exit {install.ExitCode}):{Environment.NewLine}{install.Output}");
        }

        return hive;
    }
}
