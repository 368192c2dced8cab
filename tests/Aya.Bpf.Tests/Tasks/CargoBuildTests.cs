using Aya.Bpf.Tasks;
using Microsoft.Build.Utilities;

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
        Assert.IsTrue(task.LinkInputs.All(i => i.GetMetadata("BpfBin") == "probe" && i.GetMetadata("ObjectName") == "probe.bpf.o"), "each input names its bin and object");
        Assert.AreEqual(Manifest, File.ReadAllText(task.Bins[0].GetMetadata("LinkManifest")), "the bin's manifest is the one kept beside the bin");
        var warning = engine.Warnings.Single();
        Assert.AreEqual(("unused_variables", "/src/compile-error/src/main.rs", 17, 9), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.IsEmpty(engine.Errors);
    }

    [TestMethod]
    public void ADiagnosticRustcGivesTwice_IsLoggedOnce()
    {
        var bin = _directory.Write("cargo/bpfel-unknown-none/release/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [CargoSamples.UnusedVariableWarning, CargoSamples.UnusedVariableWarning, BinArtifact("probe", bin), CargoSamples.BuildSucceeded]);

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.HasCount(1, engine.Warnings, engine.Log);
    }

    [TestMethod]
    public void SaysAtEveryVerbosityThatCargoStartsAndHowLongItTook()
    {
        var bin = _directory.Write("cargo/bpfel-unknown-none/release/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin), CargoSamples.BuildSucceeded]);

        Assert.IsTrue(task.Execute(), engine.Log);

        var high = engine.Messages.Where(m => m.Importance == Microsoft.Build.Framework.MessageImportance.High).Select(m => m.Message ?? "").ToList();
        Assert.IsTrue(high.Any(m => m.Contains("cargo build started (for BPF, profile release)", StringComparison.Ordinal)), engine.Log);
        Assert.IsTrue(high.Any(m => System.Text.RegularExpressions.Regex.IsMatch(m, @"cargo build finished in \d+\.\d s$")), engine.Log);
    }

    [TestMethod]
    public void RunsCargoForTheBpfTargetWithTheShimAsLinkerAndBpfLinkerOnPath()
    {
        var bin = _directory.Write("cargo/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin)]);
        task.Features = ["tracing;maps"];

        Assert.IsTrue(task.Execute(), engine.Log);

        var arguments = File.ReadAllLines(_directory.Combine("arguments.txt"));
        CollectionAssert.IsSubsetOf(new[] { "build", "--target", "bpfel-unknown-none", "--profile", "release", "--bin", "probe", "--features", "tracing,maps" }, arguments);
        var environment = File.ReadAllLines(_directory.Combine("environment.txt"));
        CollectionAssert.Contains(environment, "RUSTC_BOOTSTRAP=1");
        CollectionAssert.Contains(environment, "CARGO_PROFILE_RELEASE_DEBUG=2");
        CollectionAssert.Contains(environment, $"CARGO_TARGET_BPFEL_UNKNOWN_NONE_LINKER={task.LinkerShim}");
        Assert.IsTrue(environment.Any(line => line.StartsWith($"PATH={task.BpfLinkerDirectory}{Path.PathSeparator}", StringComparison.Ordinal)), "bpf-linker comes first on PATH");
    }

    [TestMethod]
    public void AHostBuildRunsCargoWithoutNightlyFeaturesAndRustcThroughTheWrapper()
    {
        var bin = _directory.Write("cargo/x86_64-unknown-linux-gnu/release/probe", Manifest);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin)]);
        task.RustBuild = "host";
        task.HostTriple = "x86_64-unknown-linux-gnu";
        task.RustcWrapper = _directory.Combine("link", "rustc-wrapper");

        Assert.IsTrue(task.Execute(), engine.Log);

        var arguments = File.ReadAllLines(_directory.Combine("arguments.txt"));
        CollectionAssert.IsSubsetOf(new[] { "--target", "x86_64-unknown-linux-gnu", "--config", "env.RUSTC_BOOTSTRAP='1'" }, arguments);
        var environment = File.ReadAllLines(_directory.Combine("environment.txt"));
        Assert.IsFalse(environment.Any(line => line.StartsWith("RUSTC_BOOTSTRAP=", StringComparison.Ordinal)), "cargo itself must not read [unstable] config");
        CollectionAssert.Contains(environment, $"RUSTC_WRAPPER={task.RustcWrapper}");
        CollectionAssert.Contains(environment, "CARGO_PROFILE_RELEASE_PANIC=abort");
        CollectionAssert.Contains(environment,
            "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS=-Clinker-plugin-lto --cfg target_arch=\"bpf\" --cfg target_os=\"none\" -Aexplicit_builtin_cfgs_in_flags --cfg bpf_target_arch=\"x86_64\"");
        CollectionAssert.Contains(environment, "AYA_BPF_TARGET_ARCH=x86_64", "the kernel's architecture defaults to the host's");
    }

    [TestMethod]
    public void LinksEveryBinWithAManifestOfItsOwn()
    {
        var one = _directory.Write("cargo/one", Manifest);
        var two = _directory.Write("cargo/two", Manifest.Replace("a.rcgu.o", "b.rcgu.o", StringComparison.Ordinal));
        var (task, engine) = Cargo(0, stdout: [BinArtifact("one", one), BinArtifact("two", two)]);
        task.Bins = [Bin("one"), Bin("two")];

        Assert.IsTrue(task.Execute(), engine.Log);

        CollectionAssert.IsSubsetOf(new[] { "--bin", "one", "two" }, File.ReadAllLines(_directory.Combine("arguments.txt")));
        Assert.AreEqual(File.ReadAllText(two), File.ReadAllText(task.Bins[1].GetMetadata("LinkManifest")));
        CollectionAssert.AreEqual(
            new[] { "one:/p/obj/link/inputs/a.rcgu.o", "one:/p/obj/cargo/libminicore.rlib", "two:/p/obj/link/inputs/b.rcgu.o", "two:/p/obj/cargo/libminicore.rlib" },
            task.LinkInputs.Select(i => $"{i.GetMetadata("BpfBin")}:{i.ItemSpec}").ToArray());
    }

    /// <summary>A Clean of a project whose shared cargo dir it keeps leaves cargo a fresh bin whose recorded inputs are gone.</summary>
    [TestMethod]
    public void RelinksAFreshBinWhoseRecordedInputsAreGone()
    {
        var stale = """{"exports":["probe"],"inputs":["/nowhere/gone.rcgu.o"]}""";
        var bin = _directory.Write("cargo/probe", stale);
        var (task, engine) = Cargo(0, stdout: [BinArtifact("probe", bin).Replace("\"fresh\":false", "\"fresh\":true", StringComparison.Ordinal)], restoreBin: (bin, stale));

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.HasCount(2, File.ReadAllLines(_directory.Combine("runs.txt")), "cargo ran again to relink");
        Assert.Contains("names inputs that are gone; cargo links it again", engine.Log);
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
    public void ReportsABinThatCargoDidNotBuild()
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

    /// <summary>A `-C linker=cc` in RUSTFLAGS would send rustc's link past the SDK ("linking with `cc` failed"): BPF1007 before cargo runs.</summary>
    [TestMethod]
    [DataRow("RUSTFLAGS=-C linker=cc", "cc")]
    [DataRow("RUSTFLAGS=-Clinker=/usr/bin/clang -O", "/usr/bin/clang")]
    [DataRow("CARGO_ENCODED_RUSTFLAGS=--codegen\u001flinker=gcc", "gcc")]
    public void AForeignLinkerInRustFlags_IsBpf1007_BeforeCargoRuns(string variable, string linker)
    {
        var (task, engine) = Cargo(0, stdout: []);
        task.EnvironmentVariables = [variable];

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1007", error.Code);
        Assert.Contains($"RUSTFLAGS sets `-C linker={linker}`", error.Message!);
        Assert.IsFalse(File.Exists(_directory.Combine("arguments.txt")), "cargo must not have run");
    }

    [TestMethod]
    [DataRow("-C linker=bpf-linker")]
    [DataRow("-C linker=cc -C linker=bpf-linker")]
    [DataRow("-C opt-level=2 --cfg linker")]
    public void RustFlagsThatLinkThroughTheSdk_AreNoForeignLinker(string flags) =>
        Assert.IsNull(Aya.Bpf.Tasks.Cargo.UserRustFlags.From(null, flags).ForeignLinker());

    [TestMethod]
    public void RefusesACheckSettingThatIsNotTrueFalseOrProfile()
    {
        var (task, engine) = Cargo(0, stdout: []);
        task.OverflowChecks = "sometimes";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1010", engine.Errors.Single().Code);
        Assert.Contains("BpfOverflowChecks 'sometimes'", engine.Errors.Single().Message!);
        Assert.IsFalse(File.Exists(_directory.Combine("arguments.txt")), "cargo must not have run");
    }

    private static string BinArtifact(string name, string executable) =>
        CargoSamples.BinArtifact
            .Replace("\"name\":\"compile-error\"", $"\"name\":\"{name}\"", StringComparison.Ordinal)
            .Replace("/src/tgt/bpfel-unknown-none/release/compile-error", executable, StringComparison.Ordinal);

    private TaskItem Bin(string name)
    {
        var item = new TaskItem(name);
        item.SetMetadata("BpfBin", name);
        item.SetMetadata("ObjectName", $"{name}.bpf.o");
        item.SetMetadata("LinkManifest", _directory.Combine("link", name, "link.json"));
        return item;
    }

    /// <param name="restoreBin">A bin file the stand-in cargo writes back on each run (cargo relinking it).</param>
    private (CargoBuild Task, RecordingBuildEngine Engine) Cargo(int exitCode, string[] stdout, string[]? stderr = null, (string Path, string Text)? restoreBin = null)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("the stand-in cargo is a POSIX shell script");
        var stdoutFile = _directory.Write("stdout.txt", string.Join('\n', stdout) + "\n");
        var stderrFile = _directory.Write("stderr.txt", string.Join('\n', stderr ?? []) + "\n");
        var restore = restoreBin is { } file ? $"printf '%s' '{file.Text}' > '{file.Path}'" : "";
        var cargo = _directory.WriteScript("bin/cargo", $"""
            printf '%s\n' "$@" > '{_directory.Combine("arguments.txt")}'
            echo run >> '{_directory.Combine("runs.txt")}'
            env > '{_directory.Combine("environment.txt")}'
            {restore}
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
            Bins = [Bin("probe")],
            TargetDirectory = _directory.Combine("cargo"),
            LinkerShim = _directory.Combine("link", "rustc-linker"),
            BpfLinkerDirectory = _directory.Combine("link", "bin"),
        };
        return (task, engine);
    }
}
