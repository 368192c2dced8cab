using Aya.Bpf.Runtime;
using Aya.Bpf.Runtime.Native;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>
/// The libbpf a program binds to, chosen with AYA_BPF_LIBBPF, in a child process (the fixture
/// runtime-host, which embeds the runtime-events object): .NET binds native code process-wide.
/// </summary>
public sealed partial class RuntimeEventsTests
{
    private const string HostProject = "runtime-host/runtime-host.csproj";
    private const string HostAssembly = "runtime-host/bin/Release/net10.0/runtime-host.dll";
    private const string SystemLibbpf = "/usr/lib/x86_64-linux-gnu/libbpf.so.1";
    private static readonly Lazy<BuildResult> HostBuild = new(() =>
        Fixture.Workspace.Build(HostProject, $"-p:AyaBpfRuntimeAssembly={typeof(BpfObject).Assembly.Location}"));

    [TestMethod]
    [TestCategory("Kernel")]
    public void AProgram_LoadsItsEmbeddedObject_WithTheSystemsLibbpf_OrTheOneItNames()
    {
        ProcessResult system = RunHost(chosenLibbpf: null);
        ProcessResult chosen = RunHost(SystemLibbpf);

        Assert.AreEqual(0, system.ExitCode, system.Output);
        StringAssert.Contains(system.StandardOutput, "verdict 2, sequence 5", "OpenResource, load and five runs");
        Assert.AreEqual(0, chosen.ExitCode, chosen.Output);
        StringAssert.Contains(chosen.StandardOutput, "verdict 2, sequence 5", $"with {Libbpf.ChoiceVariable}={SystemLibbpf}");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void ALibbpfThatIsNotThere_IsLibbpfMissingException_NamingTheChoice()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-libbpf-{Guid.NewGuid():N}.so");

        ProcessResult host = RunHost(missing);

        Assert.AreEqual(3, host.ExitCode, host.Output);
        StringAssert.Contains(host.StandardOutput, $"LibbpfMissingException: AYA_BPF_LIBBPF names {missing}, which cannot be loaded as libbpf", host.Output);
    }

    /// <summary>A libbpf older than 1.0 lacks functions the runtime calls: here, a library with none but libbpf_set_print.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void ALibbpfOlderThan1_IsLibbpfMissingException_SayingSo()
    {
        string folder = Directory.CreateTempSubdirectory("aya-bpf-old-libbpf-").FullName;
        try
        {
            string source = Path.Combine(folder, "old-libbpf.c");
            string library = Path.Combine(folder, "libbpf.so.0");
            File.WriteAllText(source, "void *libbpf_set_print(void *print) { (void)print; return 0; }\n");
            ProcessResult compiled = ChildProcess.Run(ChildProcess.FindOnPath("cc") ?? RequiredTool.Missing("cc", "apt-get install -y gcc"), ["-shared", "-fPIC", "-o", library, source], TimeSpan.FromMinutes(1));
            Assert.IsTrue(compiled.Succeeded, compiled.Output);

            ProcessResult host = RunHost(library);

            Assert.AreEqual(3, host.ExitCode, host.Output);
            StringAssert.Contains(host.StandardOutput, $"LibbpfMissingException: the libbpf {library} (AYA_BPF_LIBBPF) is older than libbpf 1.0", host.Output);
            StringAssert.Contains(host.StandardOutput, "bpf_object__open_mem", "the function it lacks");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProcessResult RunHost(string? chosenLibbpf)
    {
        RequireFixture();
        BuildResult build = HostBuild.Value;
        Assert.IsTrue(build.Succeeded, $"Building {HostProject} failed: {build.Describe()}");
        Dictionary<string, string> environment = chosenLibbpf is null ? [] : new() { [Libbpf.ChoiceVariable] = chosenLibbpf };
        ProcessResult host = ChildProcess.Run(DotnetCli.Executable, [Fixture.Workspace.PathOf(HostAssembly)], TimeSpan.FromMinutes(2), environment: environment);
        Assert.IsFalse(host.TimedOut, host.Output);
        return host;
    }
}
