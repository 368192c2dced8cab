namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A machine or setting that leaves the build without a usable Rust toolchain or LLVM: each must fail
/// with its own coded MSBuild error that names what is missing.
/// </summary>
[TestClass]
public sealed class BadInputToolchainTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";
    // A crate over the real core, which a BPF-target build must build from rust-src.
    private const string CoreProject = "core-xdp/core-xdp.bpfproj";

    [TestMethod]
    [TestCategory("Integration")]
    public void NoRustToolchain_FailsWithBpf1001NamingWhereItLooked()
    {
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        // The task also searches $CARGO_HOME/bin, so an empty CARGO_HOME hides ~/.cargo/bin too.
        string cargoHome = workspace.PathOf("empty-cargo-home");
        Directory.CreateDirectory(cargoHome);
        string[] path = [Path.GetDirectoryName(DotnetPath())!, "/usr/bin", "/bin"];
        RequireNoRustIn(path);

        BuildResult build = workspace.Build(
            Project,
            new Dictionary<string, string>
            {
                ["PATH"] = string.Join(Path.PathSeparator, path),
                ["CARGO_HOME"] = cargoHome,
            });

        BuildErrors.AssertReported(
            build, "BPF1001", workspace.PathOf(Project), "rustc was not found", Path.Combine(cargoHome, "bin"));
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void LlvmPathThatIsNoLibrary_FailsWithBpf2001NamingIt()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string notLibrary = workspace.WriteFile("xdp-pass/libLLVM-not-a-library.so", "This is text, not a shared library.\n"u8.ToArray());

        BuildResult build = workspace.Build(Project, $"-p:BpfLlvmPath={notLibrary}");

        BuildErrors.AssertReported(build, "BPF2001", notLibrary);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildStdWithoutRustSrc_FailsWithBpf1003GivingTheRustupCommand()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string sysroot = SysrootWithoutRustSrc(workspace, "xdp-pass");

        BuildResult build = workspace.Build(Project, "-p:BpfBuildStd=true");

        // Without RustToolchain set, the toolchain's name is its sysroot folder's.
        string toolchain = Path.GetFileName(sysroot);
        BuildErrors.AssertReported(
            build, "BPF1003", workspace.PathOf("xdp-pass/Cargo.toml"), $"rustup component add rust-src --toolchain {toolchain}");
    }

    /// <summary>
    /// BpfRustBuild=bpf of a crate using core, without rust-src, is BPF1003, and the advice it gives works: the same project
    /// with BpfRustBuild=auto, as the message says, builds its object.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void BpfRustBuildWithoutRustSrc_FailsWithBpf1003WhoseAdviceBuilds()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        SysrootWithoutRustSrc(workspace, "core-xdp");

        BuildResult refused = workspace.Build(CoreProject, "-p:BpfRustBuild=bpf");
        BuildErrors.AssertReported(refused, "BPF1003", workspace.PathOf("core-xdp/Cargo.toml"), "set BpfRustBuild to auto");
        BpfObjectAssertions.WroteNoObject(workspace, "core-xdp", "core-xdp", refused);

        BuildResult advised = workspace.Build(CoreProject, "-p:BpfRustBuild=auto");
        Assert.AreEqual(0, advised.ExitCode, advised.Describe());
        BpfObjectAssertions.IsBpfElfObject(workspace.PathOf("core-xdp/bin/Release/core-xdp.bpf.o"), advised);
    }

    // With rust-src installed, building core from source cannot fail for want of it.
    private static string SysrootWithoutRustSrc(FixtureWorkspace workspace, string crateFolder)
    {
        string sysroot = RustSysroot.Of(workspace.PathOf(crateFolder));
        if (RustSysroot.HasRustSrc(sysroot))
        {
            RequiredTool.Unfit($"rust-src is installed in {sysroot}, so building core from source cannot fail for want of it.");
        }
        return sysroot;
    }

    private static string DotnetPath() =>
        Path.IsPathRooted(DotnetCli.Executable)
            ? DotnetCli.Executable
            : ChildProcess.FindOnPath(DotnetCli.Executable) ?? throw new InvalidOperationException("dotnet is not on PATH.");

    // A rustc or cargo installed outside rustup's folder (a distribution package in /usr/bin) cannot be hidden.
    private static void RequireNoRustIn(string[] path)
    {
        string? found = path
            .SelectMany(folder => (string[])[Path.Combine(folder, "rustc"), Path.Combine(folder, "cargo")])
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            RequiredTool.Unfit($"{found} is on the minimal PATH this test builds with, so the build would find Rust.");
        }
    }
}
