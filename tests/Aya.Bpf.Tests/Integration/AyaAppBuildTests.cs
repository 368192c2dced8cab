namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A crate with several bins (tests/fixtures/aya-app) as a project: each bin links on its own when
/// its inputs change, a build of some bins leaves the others' objects alone, the workspace's lock
/// file is a link input, and a referencing .NET project gets every object.
/// </summary>
[TestClass]
public sealed class AyaAppBuildTests
{
    private const string Project = "aya-app/aya-app-ebpf/aya-app-ebpf.bpfproj";
    private const string Crate = "aya-app/aya-app-ebpf";
    private static readonly string[] Objects = ["aya-app.bpf.o", "tc-count.bpf.o", "trace-getpid.bpf.o"];

    [TestMethod]
    [TestCategory("Integration")]
    public void EditingOneBin_RelinksThatBinOnly_AndANoOpBuildLinksNone()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        AssertLinked(workspace, workspace.BuildPlain(Project), Objects, "first build");

        BuildResult again = workspace.BuildPlain(Project);
        AssertLinked(workspace, again, [], "second build with nothing changed");
        Assert.IsTrue(LinkMarkers.LinkSkipped(again), again.Describe());

        string source = workspace.PathOf($"{Crate}/src/tc-count.rs");
        File.WriteAllText(source, File.ReadAllText(source).Replace("TC_ACT_SHOT;", "TC_ACT_SHOT; // edited", StringComparison.Ordinal) + "\n");
        AssertLinked(workspace, workspace.BuildPlain(Project), ["tc-count.bpf.o"], "build after editing src/tc-count.rs");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void EditingTheWorkspacesLockFile_RelinksEveryBin()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        AssertLinked(workspace, workspace.BuildPlain(Project), Objects, "first build");

        File.AppendAllText(workspace.PathOf("aya-app/Cargo.lock"), "\n");

        AssertLinked(workspace, workspace.BuildPlain(Project), Objects, "build after editing the workspace's Cargo.lock");
    }

    /// <summary>One bin named by CargoBinName becomes the project's object, and the other bins' objects stay.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void BuildingOneBin_LeavesTheOtherObjectsInPlace()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        Assert.IsTrue(workspace.BuildPlain(Project).Succeeded);

        BuildResult one = workspace.BuildPlain(Project, "-p:CargoBinName=tc-count");

        Assert.IsTrue(one.Succeeded, one.Describe());
        foreach (string name in (string[])[.. Objects, "aya-app-ebpf.bpf.o"])
            Assert.IsTrue(File.Exists(workspace.PathOf($"{Crate}/bin/Debug/{name}")), $"{name} is missing after building tc-count alone. {one.Describe()}");
        CollectionAssert.AreEqual(File.ReadAllBytes(workspace.PathOf($"{Crate}/bin/Debug/tc-count.bpf.o")), File.ReadAllBytes(workspace.PathOf($"{Crate}/bin/Debug/aya-app-ebpf.bpf.o")),
            "the one bin's object is the project's object");
    }

    /// <summary>
    /// A nightly cargo reads the crate's [unstable] build-std whatever the build's environment says
    /// (old aya templates pin nightly in the eBPF crate): the host build runs cargo from the crate's
    /// parent, so the crate's own config is set aside, and still builds with the pinned toolchain.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void ACratePinnedToNightly_HasItsOwnConfigSetAside_AndBuildsWithNightly()
    {
        RequiredTool.CargoPath();
        string nightly = RequiredTool.NightlyToolchain();
        RequiredTool.ForKernelLoad();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        workspace.WriteFile($"{Crate}/rust-toolchain.toml", "[toolchain]\nchannel = \"nightly\"\n"u8.ToArray());

        BuildResult build = workspace.BuildPlain(Project);

        Assert.IsTrue(build.Succeeded, build.Describe());
        StringAssert.Contains(build.Output, $"Rust toolchain nightly-x86_64-unknown-linux-gnu: rustc {nightly}", build.Describe());
        StringAssert.Contains(build.Output,
            $"The host build runs cargo from {workspace.PathOf("aya-app")}, so that it sets aside the crate's own cargo config {workspace.PathOf($"{Crate}/.cargo/config.toml")} (build.target, unstable.build-std)",
            build.Describe());
        BpfObjectAssertions.LoadedCleanly(Bpftool.LoadAll(workspace.PathOf($"{Crate}/bin/Debug/aya-app.bpf.o")), "aya_app", "xdp");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void AReferencingProject_GetsEveryObject_AsFilesAndAsResources()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string consumer = workspace.PathOf("bpf-consumer/bpf-consumer.csproj");
        File.WriteAllText(consumer, File.ReadAllText(consumer)
            .Replace("<ProjectReference Include=\"../xdp-pass/xdp-pass.bpfproj\" />", "", StringComparison.Ordinal)
            .Replace("../maps-legacy/maps-legacy.bpfproj", "../aya-app/aya-app-ebpf/aya-app-ebpf.bpfproj", StringComparison.Ordinal));

        BuildResult build = workspace.BuildPlain("bpf-consumer/bpf-consumer.csproj");

        Assert.IsTrue(build.Succeeded, build.Describe());
        ProcessResult run = workspace.Dotnet(workspace.PathOf("bpf-consumer/bin/Debug/net10.0/bpf-consumer.dll"));
        Assert.IsTrue(run.Succeeded, run.Output);
        string[] expected = [.. Objects.Select(name => $"file {name} {Length(workspace, name)}"), .. Objects.Select(name => $"resource {name} {Length(workspace, name)}")];
        CollectionAssert.AreEqual(expected, run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), run.Output);
    }

    private static long Length(FixtureWorkspace workspace, string name) => new FileInfo(workspace.PathOf($"{Crate}/bin/Debug/{name}")).Length;

    /// <summary>Fails the test unless the build succeeded and linked exactly <paramref name="linked"/> of the bins' objects.</summary>
    private static void AssertLinked(FixtureWorkspace workspace, BuildResult build, string[] linked, string what)
    {
        Assert.IsTrue(build.Succeeded, $"{what}: {build.Describe()}");
        foreach (string name in Objects)
        {
            bool wasLinked = LinkMarkers.Linked(build, workspace.PathOf($"{Crate}/obj/Debug/{name}"));
            Assert.AreEqual(linked.Contains(name), wasLinked, $"{what}: {name} was {(wasLinked ? "" : "not ")}linked. {build.Describe()}");
        }
    }
}
