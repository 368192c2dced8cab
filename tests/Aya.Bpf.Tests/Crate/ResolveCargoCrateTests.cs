using Aya.Bpf.Tasks;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Crate;

/// <summary>Runs the task against a stand-in cargo that answers `metadata` and `config get` as cargo did for the aya-app fixture.</summary>
[TestClass]
public sealed class ResolveCargoCrateTests
{
    private readonly TempDirectory _directory = new();

    [TestCleanup]
    public void DeleteDirectory() => _directory.Dispose();

    [TestMethod]
    public void BuildsEveryBinOfTheWorkspaceMemberEachIntoItsOwnObject()
    {
        var (task, engine) = Resolve();

        Assert.IsTrue(task.Execute(), engine.Log);

        CollectionAssert.AreEqual(new[] { "aya-app", "tc-count", "trace-getpid" }, task.Bins.Select(b => b.ItemSpec).ToArray());
        CollectionAssert.AreEqual(new[] { "aya-app.bpf.o", "tc-count.bpf.o", "trace-getpid.bpf.o" }, task.Bins.Select(b => b.GetMetadata("ObjectName")).ToArray());
        Assert.AreEqual(Path.Combine(_directory.Path, "aya-app", "Cargo.lock"), task.CargoLock, "the workspace's lock file");
        Assert.AreEqual(Path.Combine(_directory.Path, "aya-app", "Cargo.toml"), task.WorkspaceManifest);
        CollectionAssert.AreEquivalent(new[] { "aya-app-ebpf.bpf.o", "aya-app.bpf.o", "tc-count.bpf.o", "trace-getpid.bpf.o" }, task.PossibleObjectNames);
    }

    [TestMethod]
    public void ABinNamedByCargoBinNameIsTheProjectsObject()
    {
        var (task, engine) = Resolve();
        task.BinNames = ["tc-count"];

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.AreEqual("tc-count", task.Bins.Single().ItemSpec);
        Assert.AreEqual("aya-app-ebpf.bpf.o", task.Bins.Single().GetMetadata("ObjectName"));
    }

    [TestMethod]
    public void SaysAtNormalVerbosityThatTheHostBuildSetsTheCratesBuildStdAside()
    {
        var (task, engine) = Resolve();

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.AreEqual("host", task.EffectiveRustBuild);
        var messages = engine.Messages.Where(m => m.Importance == Microsoft.Build.Framework.MessageImportance.High).Select(m => m.Message).ToList();
        Assert.IsTrue(messages.Any(m => m!.StartsWith("Rust is compiled for the host (x86_64-unknown-linux-gnu)", StringComparison.Ordinal)
            && m.Contains("src/lib.rs, src/main.rs, src/tc-count.rs, src/bin/trace-getpid.rs use core", StringComparison.Ordinal)), engine.Log);
        Assert.IsTrue(messages.Any(m => m!.Contains("sets aside the [unstable] cargo settings of /src/aya-app/aya-app-ebpf/.cargo/config.toml, /src/aya-app/.cargo/config.toml", StringComparison.Ordinal)), engine.Log);
    }

    [TestMethod]
    public void ABpfBuildWhoseConfigAsksForBuildStdWithoutRustSrcNamesTheConfigFile()
    {
        var (task, engine) = Resolve(noCore: true);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("BPF1003", "/src/aya-app/aya-app-ebpf/.cargo/config.toml"), (error.Code, error.File));
        Assert.Contains("unstable.build-std", error.Message!);
        Assert.Contains("set BpfRustBuild to host", error.Message!);
    }

    [TestMethod]
    public void AWorkspaceManifestNeedsCargoPackage()
    {
        var (task, engine) = Resolve();
        task.ManifestPath = Path.Combine(_directory.Path, "aya-app", "Cargo.toml");

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("BPF1006", engine.Errors.Single().Code);
        Assert.Contains("set CargoPackage to one of aya-app, aya-app-common, aya-app-ebpf", engine.Errors.Single().Message!);

        var (named, namedEngine) = Resolve();
        named.ManifestPath = task.ManifestPath;
        named.Package = "aya-app-ebpf";
        Assert.IsTrue(named.Execute(), namedEngine.Log);
        Assert.HasCount(3, named.Bins);
    }

    [TestMethod]
    public void ReportsCargosOwnErrorAtTheManifestLine()
    {
        var (task, engine) = Resolve(metadataError: ["error: failed to parse manifest at `/p/Cargo.toml`", "", "Caused by:", "  TOML parse error at line 3, column 1"]);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF1005", error.Code);
        Assert.Contains("failed to parse manifest", error.Message!);
    }

    /// <param name="noCore">Write the crate roots as #![no_core], so the crate builds for BPF.</param>
    private (ResolveCargoCrate Task, RecordingBuildEngine Engine) Resolve(bool noCore = false, string[]? metadataError = null)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("the stand-in cargo is a POSIX shell script");
        // The sample's crate roots, under this test's folder, so CrateRoot can read them.
        var root = _directory.Path;
        foreach (var source in (string[])["aya-app-ebpf/src/lib.rs", "aya-app-ebpf/src/main.rs", "aya-app-ebpf/src/tc-count.rs", "aya-app-ebpf/src/bin/trace-getpid.rs"])
            _directory.Write(Path.Combine("aya-app", source), noCore ? "#![no_core]\n" : "#![no_std]\n");
        var metadata = _directory.Write("metadata.json", CargoMetadataSamples.AyaAppWorkspace.Replace("/fixtures/", root + "/", StringComparison.Ordinal));
        var config = _directory.Write("config.txt", CargoMetadataSamples.AyaAppConfig);
        var failure = metadataError is null ? "" : $"printf '%s\\n' {string.Join(' ', metadataError.Select(line => $"'{line}'"))} >&2; exit 101";
        var cargo = _directory.WriteScript("bin/cargo", $"""
            case "$1" in
              metadata) {failure}
                cat '{metadata}' ;;
              *) cat '{config}' ;;
            esac
            """);
        var engine = new RecordingBuildEngine();
        var task = new ResolveCargoCrate
        {
            BuildEngine = engine,
            CargoPath = cargo,
            ManifestPath = Path.Combine(root, "aya-app", "aya-app-ebpf", "Cargo.toml"),
            ProjectDirectory = _directory.Path,
            HostTriple = "x86_64-unknown-linux-gnu",
            ToolchainName = "stable-x86_64-unknown-linux-gnu",
            ObjectName = "aya-app-ebpf.bpf.o",
        };
        return (task, engine);
    }
}
