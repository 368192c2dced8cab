using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CargoInvocationTests
{
    private static readonly CargoInvocation Release = new(
        ManifestPath: "/p/Cargo.toml", Target: "bpfel", Profile: "release", Features: [], BinName: null,
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
        var environment = (Release with { Target = "bpfeb", Profile = "release-lto", RustToolchain = "nightly" }).Environment();

        Assert.AreEqual("/p/obj/Release/link/rustc-linker", environment["CARGO_TARGET_BPFEB_UNKNOWN_NONE_LINKER"]);
        Assert.AreEqual("2", environment["CARGO_PROFILE_RELEASE_LTO_DEBUG"]);
        Assert.AreEqual("1", environment["RUSTC_BOOTSTRAP"]);
        Assert.AreEqual("never", environment["CARGO_TERM_COLOR"]);
        Assert.AreEqual("nightly", environment["RUSTUP_TOOLCHAIN"]);
    }

    [TestMethod]
    public void LeavesTheToolchainToRustupWhenNoneIsSet() =>
        Assert.IsFalse(Release.Environment().ContainsKey("RUSTUP_TOOLCHAIN"));
}
