using Aya.Bpf.Tasks;

namespace Aya.Bpf.Tests.Tasks;

/// <summary>Asks the machine's real rustup toolchain, as a build would.</summary>
[TestClass]
public sealed class ResolveRustToolchainTests
{
    [TestMethod]
    public void FindsTheToolchainsRustcCargoAndLibLlvm()
    {
        var (task, engine) = Resolve();

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.IsTrue(File.Exists(task.CargoPath), task.CargoPath);
        Assert.MatchesRegex(@"^\d+\.\d+\.\d+", task.RustcRelease);
        Assert.MatchesRegex(@"^\d+\.\d+", task.LlvmVersion);
        Assert.IsTrue(Directory.Exists(task.Sysroot), task.Sysroot);
        StringAssert.StartsWith(task.LlvmLibraryPath, task.Sysroot);
        Assert.Contains("LLVM", Path.GetFileName(task.LlvmLibraryPath));
        Assert.AreEqual(Directory.Exists(Path.Combine(task.Sysroot, "lib", "rustlib", "src", "rust", "library", "core")), task.HasRustSrc);
    }

    [TestMethod]
    public void SaysHowToInstallAToolchainThatIsMissing()
    {
        var (task, engine) = Resolve();
        task.RustToolchain = "aya-bpf-no-such-toolchain";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1002", error.Code);
        Assert.Contains("rustup toolchain install aya-bpf-no-such-toolchain", error.Message!);
        Assert.DoesNotContain("\n", error.Message!);
    }

    [TestMethod]
    public void RefusesAnLlvmPathThatDoesNotExist()
    {
        var (task, engine) = Resolve();
        task.LlvmPath = "/no/such/libLLVM.so";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF2001", engine.Errors.Single().Code);
    }

    private static (ResolveRustToolchain Task, RecordingBuildEngine Engine) Resolve()
    {
        if (RustupIsMissing())
            Integration.RequiredTool.Missing("rustc on PATH or in ~/.cargo/bin", "install Rust with rustup");
        var engine = new RecordingBuildEngine();
        return (new ResolveRustToolchain { BuildEngine = engine, ProjectDirectory = Path.GetTempPath(), ProjectFile = "p.bpfproj" }, engine);
    }

    private static bool RustupIsMissing() => Aya.Bpf.Tasks.Toolchain.ExecutableSearch.Find("rustc") is null;
}
