using Aya.Bpf.Tasks;

namespace Aya.Bpf.Tests.Tasks;

/// <summary>Runs the task against a stand-in cargo: a shell script that replays recorded cargo output.</summary>
[TestClass]
public sealed class CargoBuildTests
{
    private const string Manifest = """{"exports":["LICENSE","xdp_pass"],"inputs":["/p/obj/link/inputs/a.rcgu.o","/p/obj/cargo/libminicore.rlib"]}""";

    private readonly TempDirectory _directory = new();

    [TestCleanup]
    public void DeleteDirectory() => _directory.Dispose();

    [TestMethod]
    public void HandsOnTheLinkRecordedBesideTheBinAndWarnsAtTheSourceLine()
    {
        var bin = _directory.Write("cargo/bpfel-unknown-none/release/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [CargoSamples.LibArtifact, CargoSamples.UnusedVariableWarning, BinArtifact("probe", bin), CargoSamples.BuildSucceeded]);

        Assert.IsTrue(task.Execute(), engine.Log);

        CollectionAssert.AreEqual(new[] { "/p/obj/link/inputs/a.rcgu.o", "/p/obj/cargo/libminicore.rlib" }, task.LinkInputs.Select(i => i.ItemSpec).ToArray());
        Assert.AreEqual(Manifest, File.ReadAllText(task.LinkManifest), "the current manifest is the one kept beside the bin");
        var warning = engine.Warnings.Single();
        Assert.AreEqual(("unused_variables", "/src/compile-error/src/main.rs", 17, 9), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.IsEmpty(engine.Errors);
    }

    [TestMethod]
    public void RunsCargoForTheBpfTargetWithTheShimAsLinker()
    {
        var bin = _directory.Write("cargo/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin)]);
        task.Features = ["tracing;maps"];

        Assert.IsTrue(task.Execute(), engine.Log);

        var arguments = File.ReadAllLines(_directory.Combine("arguments.txt"));
        CollectionAssert.IsSubsetOf(new[] { "build", "--target", "bpfel-unknown-none", "--profile", "release", "--features", "tracing,maps" }, arguments);
        var environment = File.ReadAllLines(_directory.Combine("environment.txt"));
        CollectionAssert.Contains(environment, "RUSTC_BOOTSTRAP=1");
        CollectionAssert.Contains(environment, "CARGO_PROFILE_RELEASE_DEBUG=2");
        CollectionAssert.Contains(environment, $"CARGO_TARGET_BPFEL_UNKNOWN_NONE_LINKER={task.LinkerShim}");
    }

    [TestMethod]
    public void ReportsATypeErrorOnceAtItsSourceLine()
    {
        var (task, engine) = Cargo(101,
            stdout: [CargoSamples.TypeError, CargoSamples.FailureNote, CargoSamples.BuildFailed],
            stderr: ["   Compiling compile-error v0.1.0 (/src/compile-error)", "error: could not compile `compile-error` (bin \"compile-error\") due to 1 previous error"]);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("E0308", "mismatched types", "/src/compile-error/src/main.rs", 18, 24, 18, 28),
            (error.Code, error.Message, error.File, error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber));
    }

    [TestMethod]
    public void ReportsCargosOwnErrorOnTheManifest()
    {
        var (task, engine) = Cargo(101, stdout: [], stderr: ["error: failed to parse manifest at `/p/Cargo.toml`"]);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("BPF1005", "failed to parse manifest at `/p/Cargo.toml`", task.ManifestPath), (error.Code, error.Message, error.File));
    }

    [TestMethod]
    public void ReportsAFailedBuildThatCargoDidNotExplain()
    {
        var (task, engine) = Cargo(101, stdout: [CargoSamples.BuildFailed]);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1005", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void AsksWhichBinToLinkWhenThereAreSeveral()
    {
        var (task, engine) = Cargo(0, stdout: [BinArtifact("one", "/nowhere/one"), BinArtifact("two", "/nowhere/two")]);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1004", error.Code);
        Assert.Contains("set CargoBinName", error.Message!);
    }

    [TestMethod]
    public void TakesTheBinNamedByCargoBinName()
    {
        var bin = _directory.Write("cargo/two", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("one", "/nowhere/one"), BinArtifact("two", bin)]);
        task.BinName = "two";

        Assert.IsTrue(task.Execute(), engine.Log);
        CollectionAssert.Contains(File.ReadAllLines(_directory.Combine("arguments.txt")), "two");
    }

    [TestMethod]
    public void RefusesACrateWithoutBin()
    {
        var (task, engine) = Cargo(0, stdout: [CargoSamples.LibArtifact, CargoSamples.BuildSucceeded]);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1006", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void NoticesABinThatWasNotLinkedThroughTheShim()
    {
        var bin = _directory.Write("cargo/probe", "\u007fELF");
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin)]);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1007", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void AsksForRustSrcBeforeRunningCargoWithBuildStd()
    {
        var (task, engine) = Cargo(0, stdout: []);
        task.BuildStd = "true";
        task.ToolchainName = "stable-x86_64-unknown-linux-gnu";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1003", error.Code);
        Assert.Contains("rustup component add rust-src --toolchain stable-x86_64-unknown-linux-gnu", error.Message!);
        Assert.IsFalse(File.Exists(_directory.Combine("arguments.txt")), "cargo must not have run");
    }

    [TestMethod]
    public void AutoBuildStdAsksForRustSrcWhenTheCrateUsesCore()
    {
        var (task, engine) = Cargo(0, stdout: []);
        _directory.Write("crate/src/main.rs", "#![no_std]\n#![no_main]\n");
        task.ManifestPath = _directory.Write("crate/Cargo.toml", "[package]\n");
        task.ToolchainName = "stable-x86_64-unknown-linux-gnu";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1003", error.Code);
        Assert.Contains("uses core", error.Message!);
        Assert.IsFalse(File.Exists(_directory.Combine("arguments.txt")), "cargo must not have run");
    }

    [TestMethod]
    public void AutoBuildsForTheHostWhenTheCrateUsesCoreAndRustSrcIsMissing()
    {
        var bin = _directory.Write("cargo/x86_64-unknown-linux-gnu/release/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin)]);
        _directory.Write("crate/src/main.rs", "#![no_std]\n#![no_main]\n");
        task.ManifestPath = _directory.Write("crate/Cargo.toml", "[package]\n");
        task.ToolchainName = "stable-x86_64-unknown-linux-gnu";
        task.HostTriple = "x86_64-unknown-linux-gnu";

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.AreEqual("host", task.EffectiveRustBuild);
        CollectionAssert.IsSubsetOf(new[] { "--target", "x86_64-unknown-linux-gnu" }, File.ReadAllLines(_directory.Combine("arguments.txt")));
        var environment = File.ReadAllLines(_directory.Combine("environment.txt"));
        CollectionAssert.Contains(environment, "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS=-Clinker-plugin-lto");
        Assert.IsFalse(File.ReadAllLines(_directory.Combine("arguments.txt")).Contains("build-std=core"), "no core is built from source");
        Assert.Contains("Rust is compiled for the host (x86_64-unknown-linux-gnu)", engine.Log);
        Assert.Contains("BpfRustBuild=auto", engine.Log);
    }

    [TestMethod]
    public void BpfRustBuildBpfStillAsksForRustSrcWhenTheCrateUsesCore()
    {
        var (task, engine) = Cargo(0, stdout: []);
        _directory.Write("crate/src/main.rs", "#![no_std]\n#![no_main]\n");
        task.ManifestPath = _directory.Write("crate/Cargo.toml", "[package]\n");
        task.HostTriple = "x86_64-unknown-linux-gnu";
        task.RustBuild = "bpf";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1003", engine.Errors.Single().Code);
        Assert.AreEqual("bpf", task.EffectiveRustBuild);
    }

    private static string BinArtifact(string name, string executable) =>
        CargoSamples.BinArtifact
            .Replace("\"name\":\"compile-error\"", $"\"name\":\"{name}\"", StringComparison.Ordinal)
            .Replace("/src/tgt/bpfel-unknown-none/release/compile-error", executable, StringComparison.Ordinal);

    private (CargoBuild Task, RecordingBuildEngine Engine) Cargo(int exitCode, string[] stdout, string[]? stderr = null)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("the stand-in cargo is a POSIX shell script");
        var stdoutFile = _directory.Write("stdout.txt", string.Join('\n', stdout) + "\n");
        var stderrFile = _directory.Write("stderr.txt", string.Join('\n', stderr ?? []) + "\n");
        var cargo = _directory.WriteScript("bin/cargo", $"""
            printf '%s\n' "$@" > '{_directory.Combine("arguments.txt")}'
            env > '{_directory.Combine("environment.txt")}'
            cat '{stderrFile}' >&2
            cat '{stdoutFile}'
            exit {exitCode}
            """);
        var engine = new RecordingBuildEngine();
        var task = new CargoBuild
        {
            BuildEngine = engine,
            CargoPath = cargo,
            ManifestPath = "/src/compile-error/Cargo.toml",
            ProjectDirectory = _directory.Path,
            Profile = "release",
            TargetDirectory = _directory.Combine("cargo"),
            LinkerShim = _directory.Combine("link", "rustc-linker"),
            LinkManifest = _directory.Combine("link", "link.json"),
        };
        return (task, engine);
    }
}
