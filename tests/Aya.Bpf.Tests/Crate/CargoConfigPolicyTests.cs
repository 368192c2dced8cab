using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Crate;

[TestClass]
public sealed class CargoConfigPolicyTests
{
    private const string Toolchain = "nightly-x86_64-unknown-linux-gnu";
    private const string Crate = "/src/app/app-ebpf";
    private const string CrateConfig = "/src/app/app-ebpf/.cargo/config.toml";
    private const string WorkspaceConfig = "/src/app/.cargo/config.toml";

    private static readonly RustBuildPlan Host = new(Host: true, BuildStd: false, "BpfRustBuild=auto");
    private static readonly RustBuildPlan Bpf = new(Host: false, BuildStd: false, "BpfRustBuild=auto");

    private static readonly CargoConfig TemplateConfig = new(
    [
        new("build.target", "\"bpfel-unknown-none\"", CrateConfig),
        new("unstable.build-std", "\"core\"", CrateConfig),
        new("target.bpfel-unknown-none.rustflags", "\"-Ctarget-feature=+alu32\"", WorkspaceConfig),
    ]);

    [TestMethod]
    public void ABpfBuildHonoursTheConfig() =>
        Assert.AreEqual(new ConfigDecision(Crate), Decide(Bpf, TemplateConfig, nightly: false, hasRustSrc: true));

    [TestMethod]
    public void ABpfBuildWhoseBuildStdCannotWorkIsAnErrorOnTheFile()
    {
        var error = Decide(Bpf, TemplateConfig, nightly: true, hasRustSrc: false).Error!.Value;

        Assert.AreEqual(("BPF1003", CrateConfig), (error.Code, error.File));
        Assert.Contains("unstable.build-std (set in /src/app/app-ebpf/.cargo/config.toml) asks cargo to build \"core\" from source", error.Message);
    }

    /// <summary>A stable cargo without nightly features does not read [unstable]: cargo stays in the project's folder.</summary>
    [TestMethod]
    public void AStableHostBuildSetsUnstableAsideWhereverItIs()
    {
        var decision = Decide(Host, TemplateConfig, nightly: false);

        Assert.AreEqual(Crate, decision.WorkingDirectory);
        Assert.IsNull(decision.Error);
        Assert.Contains("sets aside the [unstable] cargo settings of /src/app/app-ebpf/.cargo/config.toml (unstable.build-std = [\"core\"])", decision.Note!);
    }

    [TestMethod]
    public void ANightlyHostBuildRunsCargoFromTheCratesParent()
    {
        var decision = Decide(Host, TemplateConfig, nightly: true);

        Assert.AreEqual("/src/app", decision.WorkingDirectory);
        Assert.Contains("sets aside the crate's own cargo config /src/app/app-ebpf/.cargo/config.toml (build.target, unstable.build-std)", decision.Note!);
    }

    [TestMethod]
    public void ANightlyHostBuildCannotSetAsideBuildStdAboveTheCrate()
    {
        var config = new CargoConfig([new("unstable.build-std", "\"core\"", WorkspaceConfig)]);

        var error = Decide(Host, config, nightly: true).Error!.Value;

        Assert.AreEqual(("BPF1003", WorkspaceConfig), (error.Code, error.File));
        Assert.Contains("for every crate below /src/app", error.Message);
        Assert.Contains("Put the [unstable] table in the eBPF crate's own .cargo/config.toml", error.Message);
    }

    [TestMethod]
    public void AConfigWithoutUnstableChangesNothing() =>
        Assert.AreEqual(new ConfigDecision(Crate), Decide(Host, new CargoConfig([TemplateConfig.Entries[0]]), nightly: true));

    private static ConfigDecision Decide(RustBuildPlan plan, CargoConfig config, bool nightly, bool hasRustSrc = false) =>
        CargoConfigPolicy.Decide(plan, config, Crate, Crate, nightly, hasRustSrc, Toolchain);
}
