namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A crate's own .cargo/config.toml, as eBPF projects write them, in a BPF-target build
/// (tests/fixtures/xdp-pass, #![no_core]): the settings that name bpf-linker reach the SDK's
/// link, the ones meant for bpf-linker are taken, and one that cannot work is an error naming the file.
/// </summary>
[TestClass]
public sealed class CrateConfigBuildTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";
    private const string Config = "xdp-pass/.cargo/config.toml";

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void LinkerSettingsNamingBpfLinker_ReachTheSdksLink()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        workspace.WriteFile(Config, """
            [build]
            target = ["bpfeb-unknown-none", "bpfel-unknown-none"]
            rustflags = "-C link-arg=--btf"

            [target.bpfel-unknown-none]
            linker = "bpf-linker"
            rustflags = ["-C", "linker=bpf-linker", "-C", "target-feature=+alu32"]
            """u8.ToArray());

        BuildResult build = workspace.Build(Project);

        Assert.IsTrue(build.Succeeded, build.Describe());
        StringAssert.Contains(build.Output, "Rust is compiled for bpfel-unknown-none", build.Describe());
        LoadResult load = Bpftool.LoadAll(workspace.PathOf("xdp-pass/bin/Release/xdp-pass.bpf.o"), BpfObjectAssertions.TestPacket());
        Assert.AreEqual(2L, BpfObjectAssertions.LoadedCleanly(load, "xdp_pass", "xdp").TestRunReturnValue, load.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildStdThatCannotWork_IsAnErrorOnTheConfigFile()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        if (RustSysroot.HasRustSrc(RustSysroot.Of(workspace.Root)))
            RequiredTool.Unfit("the toolchain has rust-src, with which build-std works");
        string config = workspace.WriteFile(Config, "[unstable]\nbuild-std = [\"core\"]\n"u8.ToArray());

        BuildResult build = workspace.Build(Project);

        string error = BuildErrors.AssertReported(build, "BPF1003", "unstable.build-std", "rust-src");
        StringAssert.Contains(error, $"{config} : error BPF1003", build.Describe());
        Assert.IsFalse(build.Output.Contains("Compiling xdp-pass", StringComparison.Ordinal), $"cargo ran. {build.Describe()}");
    }
}
