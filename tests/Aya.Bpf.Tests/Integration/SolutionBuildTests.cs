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

    /// <summary>
    /// Two crates over one library, sharing a cargo target dir, built in parallel: each project's
    /// cargo rebuilds the library that the other's link may be reading (their builds differ in the
    /// linker shim), so each link reads the rlibs its own cargo made, kept under its obj/.
    /// AYA_BPF_STRESS_ROUNDS=50 makes it the stress run of 50 parallel builds (outside CI).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void ParallelBuildSharingACargoTargetDir_LinksTheRlibsEachCargoBuilt()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string manifest = File.ReadAllText(workspace.PathOf("xdp-pass/Cargo.toml")).Replace("xdp-pass", "xdp-twin", StringComparison.Ordinal);
        workspace.WriteFile("xdp-twin/Cargo.toml", System.Text.Encoding.UTF8.GetBytes(manifest));
        workspace.WriteFile("xdp-twin/src/main.rs", File.ReadAllBytes(workspace.PathOf("xdp-pass/src/main.rs")));
        workspace.WriteFile("xdp-twin/xdp-twin.bpfproj", System.Text.Encoding.UTF8.GetBytes("<Project Sdk=\"Aya.Bpf.Sdk\" />\n"));
        Succeeds(workspace.Dotnet("new", "sln", "-n", "twins"));
        Succeeds(workspace.Dotnet("sln", "twins.slnx", "add", "xdp-pass/xdp-pass.bpfproj", "xdp-twin/xdp-twin.bpfproj"));
        string shared = workspace.PathOf("shared-cargo-target");

        int rounds = int.TryParse(Environment.GetEnvironmentVariable("AYA_BPF_STRESS_ROUNDS"), out int asked) && asked > 0 ? asked : 2;
        for (int round = 1; round <= rounds; round++)
        {
            BuildResult build = workspace.Build("twins.slnx", "-m", $"-p:BpfCargoTargetDirectory={shared}", round == 1 ? "-t:Build" : "-t:Rebuild");

            string context = $"round {round}: {build.Describe()}";
            Assert.IsTrue(build.Succeeded, context);
            foreach (string project in (string[])["xdp-pass", "xdp-twin"])
            {
                Assert.IsTrue(LinkMarkers.Linked(build, workspace.PathOf($"{project}/obj/Release/{project}.bpf.o")), $"{project} was not linked in {context}");
                string[] rlibs = [.. LinkManifestInputs(workspace.PathOf($"{project}/obj/Release/link/{project}/link.json")).Where(input => input.EndsWith(".rlib", StringComparison.Ordinal))];
                Assert.HasCount(1, rlibs, context);
                StringAssert.StartsWith(rlibs[0], workspace.PathOf($"{project}/obj/Release/link/inputs") + Path.DirectorySeparatorChar,
                    $"{project} links minicore from the shared target dir, which the other cargo rewrites. {context}");
            }
        }
    }

    private static IEnumerable<string> LinkManifestInputs(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.GetProperty("inputs").EnumerateArray().Select(input => input.GetString()!)];
    }

    private static void Succeeds(ProcessResult result) => Assert.IsTrue(result.Succeeded, result.Output);
}
