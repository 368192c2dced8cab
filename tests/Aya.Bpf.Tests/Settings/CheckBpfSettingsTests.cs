using Aya.Bpf.Tasks;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Settings;

[TestClass]
public sealed class CheckBpfSettingsTests
{
    private readonly TempDirectory _directory = new();

    [TestCleanup]
    public void Cleanup() => _directory.Dispose();

    [TestMethod]
    public void TheSdksDefaults_PassWithoutAMessage()
    {
        var (task, engine) = Task("""<Project Sdk="Aya.Bpf.Sdk" />""");
        task.ObjectName = "p.bpf.o";

        Assert.IsTrue(task.Execute(), engine.Log);
        Assert.IsEmpty(engine.Errors);
    }

    [TestMethod]
    public void EveryBadSetting_IsReported_AtTheLastLineThatSetsIt()
    {
        var (task, engine) = Task("""
            <Project Sdk="Aya.Bpf.Sdk">
              <PropertyGroup>
                <BpfCpu>v3</BpfCpu>
                <BpfOptimizationLevel>1</BpfOptimizationLevel>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)' == 'Release'">
                <BpfOptimizationLevel>9</BpfOptimizationLevel>
              </PropertyGroup>
            </Project>
            """);
        task.OptimizationLevel = "9";
        task.ObjectName = "p.bpf.o";
        task.DeterministicSourcePaths = "maybe";
        task.License = new string('x', 64);

        Assert.IsFalse(task.Execute());

        CollectionAssert.AreEqual(
            new[] { ("BPF1010", 7, "BpfOptimizationLevel"), ("BPF1010", 0, "BpfLicense"), ("BPF1010", 0, "BpfDeterministicSourcePaths") },
            engine.Errors.Select(e => (e.Code, e.LineNumber, e.Message!.Split(' ')[0])).ToArray(),
            engine.Log);
        Assert.IsTrue(engine.Errors.All(e => e.File == task.ProjectFile), engine.Log);
    }

    [TestMethod]
    public void AKernelBaselineKeepsItsOwnCode()
    {
        var (task, engine) = Task("""<Project Sdk="Aya.Bpf.Sdk" />""");
        task.ObjectName = "p.bpf.o";
        task.KernelBaseline = "latest";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(("BPF1008", "BpfKernelBaseline 'latest' is not a kernel version: use major.minor or major.minor.patch, e.g. 5.15 or 6.1."),
            (engine.Errors.Single().Code, engine.Errors.Single().Message));
    }

    private (CheckBpfSettings Task, RecordingBuildEngine Engine) Task(string project)
    {
        var engine = new RecordingBuildEngine();
        return (new CheckBpfSettings { BuildEngine = engine, ProjectFile = _directory.Write("p.bpfproj", project) }, engine);
    }
}
