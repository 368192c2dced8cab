using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CargoInvocationTests
{
    private static readonly CargoInvocation Release = new(
        ManifestPath: "/p/Cargo.toml", TargetTriple: "bpfel-unknown-none", Profile: "release", Features: [], BinName: null,
        TargetDirectory: "/p/obj/Release/cargo", BuildStd: false, LinkerShim: "/p/obj/Release/link/rustc-linker", RustToolchain: null);

    [TestMethod]
    public void BuildsForTheBpfTargetIntoObj()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "build", "--message-format=json", "--manifest-path", "/p/Cargo.toml", "--target", "bpfel-unknown-none",
                "--profile", "release", "--target-dir", "/p/obj/Release/cargo",
            },
            Release.Arguments().ToArray());
    }

    [TestMethod]
    public void AddsFeaturesBinAndBuildStdWhenAsked()
    {
        var invocation = Release with { Features = ["a;b", "c, d", "a"], BinName = "probe", BuildStd = true };

        var arguments = string.Join(' ', invocation.Arguments());

        Assert.EndsWith("--features a,b,c,d --bin probe -Z build-std=core", arguments);
    }

    [TestMethod]
    public void SetsTheLinkerShimDebugInfoAndBootstrapInTheEnvironment()
    {
        var environment = (Release with { TargetTriple = "bpfeb-unknown-none", Profile = "release-lto", RustToolchain = "nightly" }).Environment();

        Assert.AreEqual("/p/obj/Release/link/rustc-linker", environment["CARGO_TARGET_BPFEB_UNKNOWN_NONE_LINKER"]);
        Assert.AreEqual("2", environment["CARGO_PROFILE_RELEASE_LTO_DEBUG"]);
        Assert.AreEqual("1", environment["RUSTC_BOOTSTRAP"]);
        Assert.AreEqual("never", environment["CARGO_TERM_COLOR"]);
        Assert.AreEqual("nightly", environment["RUSTUP_TOOLCHAIN"]);
    }

    [TestMethod]
    public void AHostBuildKeepsBitcodeAndHandsHostToolLinksOnOnlyOutsideTheTargetFolder()
    {
        var host = Release with { TargetTriple = "x86_64-unknown-linux-gnu", HostBuild = true };

        var environment = host.Environment();

        Assert.Contains("--target x86_64-unknown-linux-gnu", string.Join(' ', host.Arguments()));
        Assert.AreEqual("-Clinker-plugin-lto", environment["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"]);
        Assert.AreEqual("/p/obj/Release/link/rustc-linker", environment["CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER"]);
        Assert.AreEqual($"/p/obj/Release/cargo/x86_64-unknown-linux-gnu{Path.DirectorySeparatorChar}", environment[CargoInvocation.HostCaptureDirectoryVariable]);
    }

    [TestMethod]
    [DataRow("-Cdebuginfo=2\u001f-Copt-level=3", null)]
    [DataRow(null, "-Cdebuginfo=2  -Copt-level=3")]
    public void AHostBuildAddsBitcodeToTheUsersOwnRustFlags(string? encoded, string? plain)
    {
        var host = Release with { TargetTriple = "x86_64-unknown-linux-gnu", HostBuild = true, UserFlags = UserRustFlags.From(encoded, plain) };

        var environment = host.Environment();

        Assert.AreEqual("-Cdebuginfo=2\u001f-Copt-level=3\u001f-Clinker-plugin-lto", environment["CARGO_ENCODED_RUSTFLAGS"]);
        Assert.IsFalse(environment.ContainsKey("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS"));
    }

    [TestMethod]
    public void ABpfBuildSetsNoHostBuildVariables()
    {
        var environment = Release.Environment();

        Assert.IsFalse(environment.ContainsKey(CargoInvocation.HostCaptureDirectoryVariable));
        Assert.IsFalse(environment.Keys.Any(key => key.EndsWith("_RUSTFLAGS", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void LeavesTheToolchainToRustupWhenNoneIsSet() =>
        Assert.IsFalse(Release.Environment().ContainsKey("RUSTUP_TOOLCHAIN"));
}
