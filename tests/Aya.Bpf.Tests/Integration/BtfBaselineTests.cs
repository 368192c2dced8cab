namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// BTF the kernel named by <c>BpfKernelBaseline</c> would refuse never leaves the build silently:
/// the link fails with a coded error naming the type and writes no object, instead of handing
/// libbpf an object whose BTF it would drop ("BTF is optional, ignoring") at load time.
/// </summary>
[TestClass]
public sealed class BtfBaselineTests
{
    private const string ProjectFolder = "type-zoo";
    private const string ProjectName = "type-zoo";
    private const string Project = $"{ProjectFolder}/{ProjectName}.bpfproj";

    // Linux 5.10 predates BTF_KIND_FLOAT (5.13), which the zoo's f32 and f64 fields need.
    private static readonly FixtureBuild Before513 = new(Project, "-p:BpfKernelBaseline=5.10");

    private static readonly FixtureBuild NotAVersion = new(Project, "-p:BpfKernelBaseline=banana");

    [ClassCleanup]
    public static void Cleanup()
    {
        Before513.Dispose();
        NotAVersion.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void FloatBeforeLinux513_FailsWithBpf3001NamingTheFloatType()
    {
        RequiredTool.CargoPath();

        BuildResult build = Before513.Result();

        string error = BuildErrors.AssertReported(build, "BPF3001", "FLOAT 'f32'");
        Assert.Contains("kernels know FLOAT from 5.13, and BpfKernelBaseline is 5.10", error, build.Describe());
        BpfObjectAssertions.WroteNoObject(Before513.Workspace, ProjectFolder, ProjectName, build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BaselineThatIsNoVersion_FailsWithBpf1008NamingIt()
    {
        RequiredTool.CargoPath();

        BuildResult build = NotAVersion.Result();

        BuildErrors.AssertReported(build, "BPF1008", "'banana'");
        BpfObjectAssertions.WroteNoObject(NotAVersion.Workspace, ProjectFolder, ProjectName, build);
    }
}
