using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CargoInvocationTests
{
    private const string Host = "x86_64-unknown-linux-gnu";

    private static readonly CargoInvocation Release = new(
        ManifestPath: "/p/Cargo.toml", TargetTriple: "bpfel-unknown-none", Profile: "release", Features: [], Package: null, Bins: ["probe"],
        TargetDirectory: "/p/obj/Release/cargo", BuildStd: false, LinkerShim: "/p/obj/Release/link/rustc-linker",
        BpfLinkerDirectory: "/p/obj/Release/link/bin", RustToolchain: null);

    private static readonly CargoInvocation HostRelease = Release with { TargetTriple = Host, HostBuild = true, RustcWrapper = "/p/obj/Release/link/rustc-wrapper" };

    private static readonly Dictionary<string, string> Inherited = new() { ["PATH"] = "/usr/bin:/bin" };

    [TestMethod]
    public void BuildsTheBinsForTheBpfTargetIntoObj()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "build", "--message-format=json", "--manifest-path", "/p/Cargo.toml", "--target", "bpfel-unknown-none",
                "--profile", "release", "--target-dir", "/p/obj/Release/cargo", "--bin", "probe",
            },
            Release.Arguments().ToArray());
    }

    [TestMethod]
    public void AddsThePackageEachBinFeaturesAndBuildStdWhenAsked()
    {
        var invocation = Release with { Package = "app-ebpf", Bins = ["one", "two"], Features = ["a;b", "c, d", "a"], BuildStd = true };

        var arguments = string.Join(' ', invocation.Arguments());

        Assert.EndsWith("--package app-ebpf --bin one --bin two --features a,b,c,d -Z build-std=core", arguments);
    }

    [TestMethod]
    public void SetsTheLinkerShimDebugInfoBootstrapAndBpfLinkerInTheEnvironment()
    {
        var environment = Environment(Release with { TargetTriple = "bpfeb-unknown-none", Profile = "release-lto", RustToolchain = "nightly" });

        Assert.AreEqual("/p/obj/Release/link/rustc-linker", environment["CARGO_TARGET_BPFEB_UNKNOWN_NONE_LINKER"]);
        Assert.AreEqual("2", environment["CARGO_PROFILE_RELEASE_LTO_DEBUG"]);
        Assert.AreEqual("1", environment["RUSTC_BOOTSTRAP"]);
        Assert.AreEqual("never", environment["CARGO_TERM_COLOR"]);
        Assert.AreEqual("nightly", environment["RUSTUP_TOOLCHAIN"]);
        Assert.AreEqual($"/p/obj/Release/link/bin{Path.PathSeparator}/usr/bin:/bin", environment["PATH"], "the SDK's bpf-linker comes first on PATH");
    }

    [TestMethod]
    public void TurnsTheProfilesPanickingChecksOffUnlessTheEnvironmentSetsThem()
    {
        var environment = Environment(Release with { Profile = "dev" }, new() { ["CARGO_PROFILE_DEV_OVERFLOW_CHECKS"] = "true" });

        Assert.AreEqual("false", environment["CARGO_PROFILE_DEV_DEBUG_ASSERTIONS"]);
        Assert.IsFalse(environment.ContainsKey("CARGO_PROFILE_DEV_OVERFLOW_CHECKS"), "the build's own setting wins");
        Assert.IsFalse(Environment(Release with { Checks = new ProfileChecks(null, null) }).Keys.Any(key => key.EndsWith("_CHECKS", StringComparison.Ordinal) || key.EndsWith("_ASSERTIONS", StringComparison.Ordinal)),
            "'profile' leaves them to the cargo profile");
    }

    [TestMethod]
    [DataRow("true", true)]
    [DataRow(" False ", false)]
    [DataRow("profile", null)]
    [DataRow("", null)]
    public void ReadsACheckSetting(string value, bool? expected)
    {
        Assert.IsTrue(ProfileChecks.TryParseSetting(value, out var setting));
        Assert.AreEqual(expected, setting);
    }

    [TestMethod]
    public void RefusesACheckSettingThatIsNotOne() => Assert.IsFalse(ProfileChecks.TryParseSetting("sometimes", out _));

    [TestMethod]
    public void AHostBuildKeepsBitcodeAbortsOnPanicSeesTheBpfCfgsAndHandsHostToolLinksOn()
    {
        var environment = Environment(HostRelease);

        Assert.Contains($"--target {Host}", string.Join(' ', HostRelease.Arguments()));
        Assert.AreEqual("-Clinker-plugin-lto --cfg target_arch=\"bpf\" --cfg target_os=\"none\" -Aexplicit_builtin_cfgs_in_flags", environment["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"]);
        Assert.AreEqual("abort", environment["CARGO_PROFILE_RELEASE_PANIC"]);
        Assert.AreEqual("/p/obj/Release/link/rustc-linker", environment["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER"]);
        Assert.AreEqual($"/p/obj/Release/cargo/{Host}{Path.DirectorySeparatorChar}", environment[CargoInvocation.HostCaptureDirectoryVariable]);
        Assert.AreEqual("/p/obj/Release/link/rustc-wrapper", environment["RUSTC_WRAPPER"]);
        Assert.AreEqual("target_arch=\"bpf\"\u001ftarget_os=\"none\"", environment[CargoInvocation.BpfCfgVariable]);
    }

    /// <summary>aya's crates read the kernel's architecture from the environment (build scripts) or a cfg (aya-build's way).</summary>
    [TestMethod]
    public void TellsAyasCratesTheKernelsArchitectureUnlessTheUsersFlagsDo()
    {
        var host = HostRelease with { KernelArch = "aarch64" };

        var environment = Environment(host);
        var withUsersOwn = Environment(host, new() { ["RUSTFLAGS"] = "--cfg bpf_target_arch=\"riscv64\"" });

        Assert.EndsWith("--cfg bpf_target_arch=\"aarch64\"", environment["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"]);
        Assert.AreEqual("aarch64", environment["CARGO_CFG_BPF_TARGET_ARCH"]);
        Assert.AreEqual("aarch64", Environment(Release with { KernelArch = "aarch64" })["AYA_BPF_TARGET_ARCH"]);
        Assert.DoesNotContain("aarch64", withUsersOwn["CARGO_ENCODED_RUSTFLAGS"]);
    }

    [TestMethod]
    [DataRow("x86_64-unknown-linux-gnu", "x86_64")]
    [DataRow("aarch64-unknown-linux-gnu", "aarch64")]
    [DataRow("riscv64gc-unknown-linux-gnu", "riscv64")]
    [DataRow("powerpc64le-unknown-linux-gnu", "powerpc64")]
    [DataRow("armv7-unknown-linux-gnueabihf", "arm")]
    public void NamesTheKernelArchitectureOfAHostTriple(string triple, string arch) =>
        Assert.AreEqual(arch, KernelArchitectures.OfTriple(triple));

    /// <summary>cargo reads [unstable] config (a BPF build's build-std) only with nightly features, which rustc still gets through [env].</summary>
    [TestMethod]
    public void AHostBuildGivesNightlyFeaturesToRustcButNotToCargo()
    {
        CollectionAssert.Contains(HostRelease.RemovedVariables().ToArray(), "RUSTC_BOOTSTRAP");
        Assert.IsFalse(Environment(HostRelease).ContainsKey("RUSTC_BOOTSTRAP"));
        Assert.EndsWith("--config env.RUSTC_BOOTSTRAP='1'", string.Join(' ', HostRelease.Arguments()));
        Assert.IsEmpty(Release.RemovedVariables());
    }

    [TestMethod]
    public void AHostBuildRunsTheUsersOwnRustcWrapperThroughItsOwn()
    {
        var environment = Environment(HostRelease, new() { ["RUSTC_WRAPPER"] = "/usr/bin/sccache" });

        Assert.AreEqual("/p/obj/Release/link/rustc-wrapper", environment["RUSTC_WRAPPER"]);
        Assert.AreEqual("/usr/bin/sccache", environment[CargoInvocation.UserRustcWrapperVariable]);
    }

    [TestMethod]
    [DataRow("-Cdebuginfo=2\u001f-Copt-level=3", null)]
    [DataRow(null, "-Cdebuginfo=2  -Copt-level=3")]
    public void AHostBuildAddsItsFlagsToTheUsersOwnRustFlags(string? encoded, string? plain)
    {
        Dictionary<string, string> inherited = [];
        if (encoded is not null)
            inherited["CARGO_ENCODED_RUSTFLAGS"] = encoded;
        if (plain is not null)
            inherited["RUSTFLAGS"] = plain;

        var environment = Environment(HostRelease, inherited);

        Assert.AreEqual(
            "-Cdebuginfo=2\u001f-Copt-level=3\u001f-Clinker-plugin-lto\u001f--cfg\u001ftarget_arch=\"bpf\"\u001f--cfg\u001ftarget_os=\"none\"\u001f-Aexplicit_builtin_cfgs_in_flags",
            environment["CARGO_ENCODED_RUSTFLAGS"]);
        Assert.IsFalse(environment.ContainsKey("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"));
    }

    [TestMethod]
    public void ABpfBuildSetsNoHostBuildVariables()
    {
        var environment = Environment(Release);

        Assert.IsFalse(environment.ContainsKey(CargoInvocation.HostCaptureDirectoryVariable));
        Assert.IsFalse(environment.ContainsKey("RUSTC_WRAPPER"));
        Assert.IsFalse(environment.ContainsKey("CARGO_PROFILE_RELEASE_PANIC"), "the BPF targets abort on panic themselves");
        Assert.IsFalse(environment.Keys.Any(key => key.EndsWith("_RUSTFLAGS", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void LeavesTheToolchainToRustupWhenNoneIsSet() =>
        Assert.IsFalse(Environment(Release).ContainsKey("RUSTUP_TOOLCHAIN"));

    private static IReadOnlyDictionary<string, string> Environment(CargoInvocation invocation, Dictionary<string, string>? inherited = null)
    {
        var variables = new Dictionary<string, string>(Inherited);
        foreach (var (name, value) in inherited ?? [])
            variables[name] = value;
        return invocation.Environment(name => variables.GetValueOrDefault(name));
    }
}
