namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// What every XDP fixture must do: build into a BPF ELF object with the linker's phases in the log, load
/// into the kernel with its BTF accepted, and give a test packet the expected verdict. Each fixture's test
/// class derives from this and adds its own checks.
/// </summary>
public abstract class XdpFixtureTests
{
    private protected abstract FixtureBuild Build { get; }

    /// <summary>The object's path relative to the fixtures folder.</summary>
    protected abstract string ObjectFile { get; }

    protected abstract string ProgramName { get; }

    /// <summary>The verdict <c>bpftool prog run</c> must report for the test packet.</summary>
    protected abstract long ExpectedVerdict { get; }

    /// <summary>The tools the fixture needs to build; cargo by default.</summary>
    protected virtual void RequireBuildTools() => RequiredTool.CargoPath();

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
    public void Program_LoadsWithItsBtfAndGivesTheExpectedVerdict()
    {
        RequireBuildTools();
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        LoadResult load = Bpftool.LoadAll(Build.Workspace.PathOf(ObjectFile), BpfObjectAssertions.TestPacket());

        LoadedProgram program = BpfObjectAssertions.LoadedCleanly(load, ProgramName, "xdp");
        Assert.AreEqual(ExpectedVerdict, program.TestRunReturnValue, $"XDP verdict of {ProgramName}. {load.Describe()}");
    }

    /// <summary>
    /// Builds the fixture and loads its object as <see cref="Program_LoadsWithItsBtfAndGivesTheExpectedVerdict"/>
    /// does, checking it loaded as cleanly, but keeps it loaded for the test to run its program and read
    /// its maps; with <paramref name="pinMaps"/> its maps are pinned too, so those no program uses stay
    /// alive. Dispose the result to unload it.
    /// </summary>
    private protected LoadedObject LoadObject(bool pinMaps)
    {
        RequireBuildTools();
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        LoadedObject loaded = LoadedObject.Load(Build.Workspace.PathOf(ObjectFile), pinMaps);
        try
        {
            BpfObjectAssertions.LoadedCleanly(loaded.Result, ProgramName, "xdp");
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>Runs the loaded program once on the test packet; fails the test unless it gives the expected verdict.</summary>
    private protected void RunOnce(LoadedObject loaded) =>
        Assert.AreEqual(ExpectedVerdict, loaded.Run(ProgramName, BpfObjectAssertions.TestPacket()), $"XDP verdict of {ProgramName}. {loaded.Result.Describe()}");
}
