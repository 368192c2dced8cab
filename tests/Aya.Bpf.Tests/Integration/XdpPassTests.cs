namespace Aya.Bpf.Tests.Integration;

/// <summary>The plain XDP fixture: builds, links with the expected phases, and loads into the kernel.</summary>
[TestClass]
public sealed class XdpPassTests
{
    private const string ObjectFile = "xdp-pass/bin/Release/xdp-pass.bpf.o";
    private const string ProgramName = "xdp_pass";
    private const long XdpPass = 2;

    private static readonly FixtureBuild Build = new("xdp-pass/xdp-pass.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => Build.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_Succeeds()
    {
        RequiredTool.CargoPath();

        Build.Succeeded();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_WritesBpfElfObject()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.IsBpfElfObject(Build.Workspace.PathOf(ObjectFile), build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_ShowsLinkPhases()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.ShowsLinkPhases(build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Object_LoadsAsXdpProgramWithoutLibbpfErrors()
    {
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        LoadResult load = Bpftool.LoadAll(Build.Workspace.PathOf(ObjectFile));

        BpfObjectAssertions.LoadedCleanly(load, ProgramName, "xdp");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Program_PassesPacket()
    {
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        LoadResult load = Bpftool.LoadAll(Build.Workspace.PathOf(ObjectFile), BpfObjectAssertions.TestPacket());

        LoadedProgram program = BpfObjectAssertions.LoadedCleanly(load, ProgramName, "xdp");
        Assert.AreEqual(XdpPass, program.TestRunReturnValue, $"XDP verdict of {ProgramName}. {load.Describe()}");
    }
}
