namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture that links C bitcode (from clang-14) into a Rust program: the program's verdict
/// is the C function's sum, so a passing run shows the C code really was linked in.
/// </summary>
[TestClass]
public sealed class CHelperTests
{
    private const string ObjectFile = "c-helper/bin/Release/c-helper.bpf.o";
    private const string ProgramName = "xdp_c_helper";

    // c_helper_add(XDP_DROP, XDP_DROP): 1 + 1 = XDP_PASS.
    private const long ExpectedVerdict = 2;

    private static readonly FixtureBuild Build = new("c-helper/c-helper.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => Build.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_WritesBpfElfObject()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.IsBpfElfObject(Build.Workspace.PathOf(ObjectFile), build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_ShowsLinkPhases()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.ShowsLinkPhases(build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Program_LoadsAndReturnsHelpersSum()
    {
        RequireBuildTools();
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        LoadResult load = Bpftool.LoadAll(Build.Workspace.PathOf(ObjectFile), BpfObjectAssertions.TestPacket());

        LoadedProgram program = BpfObjectAssertions.LoadedCleanly(load, ProgramName, "xdp");
        Assert.AreEqual(ExpectedVerdict, program.TestRunReturnValue, $"XDP verdict of {ProgramName}. {load.Describe()}");
    }

    private static void RequireBuildTools()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
    }
}
