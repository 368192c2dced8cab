namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// .bpfproj projects in solutions: `dotnet sln add` takes them, and a parallel build of a solution of
/// several .bpfproj (one pinned to another Rust toolchain) and a .csproj that references two of them
/// is right every time.
/// </summary>
[TestClass]
public sealed class SolutionBuildTests
{
    // Built from xdp-pass's crate with the nightly toolchain (another LLVM), in a folder of its own.
    private const string NightlyProject = """
        <Project Sdk="Aya.Bpf.Sdk">
          <PropertyGroup>
            <RustToolchain>nightly</RustToolchain>
            <CargoManifestPath>../xdp-pass/Cargo.toml</CargoManifestPath>
          </PropertyGroup>
        </Project>
        """;

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("slnx")]
    [DataRow("sln")]
    public void SlnAdd_TakesABpfproj_AndTheSolutionBuildsIt(string format)
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        Succeeds(workspace.Dotnet("new", "sln", "-n", "probes", "--format", format));
        Succeeds(workspace.Dotnet("sln", $"probes.{format}", "add", "xdp-pass/xdp-pass.bpfproj"));
        BuildResult build = workspace.Build($"probes.{format}");

        Assert.IsTrue(build.Succeeded, build.Describe());
        Assert.IsTrue(File.Exists(workspace.PathOf("xdp-pass/bin/Release/xdp-pass.bpf.o")), build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void ParallelBuildOfAMixedSolution_IsRightEveryTime()
    {
        RequiredTool.CargoPath();
        string nightly = RequiredTool.NightlyToolchain();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        workspace.WriteFile("xdp-nightly/xdp-nightly.bpfproj", System.Text.Encoding.UTF8.GetBytes(NightlyProject));
        Succeeds(workspace.Dotnet("new", "sln", "-n", "mixed"));
        Succeeds(workspace.Dotnet("sln", "mixed.slnx", "add",
            "xdp-pass/xdp-pass.bpfproj", "maps-legacy/maps-legacy.bpfproj", "type-zoo/type-zoo.bpfproj",
            "xdp-nightly/xdp-nightly.bpfproj", "bpf-consumer/bpf-consumer.csproj"));

        for (int round = 1; round <= 3; round++)
        {
            BuildResult build = workspace.Build("mixed.slnx", "-m", round == 1 ? "-t:Build" : "-t:Rebuild");

            string context = $"round {round}: {build.Describe()}";
            Assert.IsTrue(build.Succeeded, context);
            foreach (string project in (string[])["xdp-pass", "maps-legacy", "type-zoo", "xdp-nightly"])
                Assert.IsTrue(LinkMarkers.Linked(build, workspace.PathOf($"{project}/obj/Release/{project}.bpf.o")), $"{project} was not linked in {context}");
            Assert.Contains($"Rust toolchain nightly: rustc {nightly}", build.Output, context);
            Assert.Contains("Rust toolchain stable", build.Output, context);
            foreach (string name in (string[])["xdp-pass", "maps-legacy"])
                CollectionAssert.AreEqual(
                    File.ReadAllBytes(workspace.PathOf($"{name}/bin/Release/{name}.bpf.o")),
                    File.ReadAllBytes(workspace.PathOf($"bpf-consumer/bin/Release/net10.0/{name}.bpf.o")),
                    $"{name}.bpf.o in the consumer's output, {context}");
        }
    }

    private static void Succeeds(ProcessResult result) => Assert.IsTrue(result.Succeeded, result.Output);
}
