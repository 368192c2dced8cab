namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A machine or setting that leaves the build without a usable Rust toolchain or LLVM: each must fail
/// with its own coded MSBuild error that names what is missing.
/// </summary>
[TestClass]
public sealed class BadInputToolchainTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";

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
        string sysroot = RustSysroot.Of(workspace.PathOf("xdp-pass"));
        if (RustSysroot.HasRustSrc(sysroot))
        {
            RequiredTool.Unfit($"rust-src is installed in {sysroot}, so building core from source cannot fail for want of it.");
        }

        BuildResult build = workspace.Build(Project, "-p:BpfBuildStd=true");

        // Without RustToolchain set, the toolchain's name is its sysroot folder's.
        string toolchain = Path.GetFileName(sysroot);
        BuildErrors.AssertReported(
            build, "BPF1003", workspace.PathOf("xdp-pass/Cargo.toml"), $"rustup component add rust-src --toolchain {toolchain}");
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
