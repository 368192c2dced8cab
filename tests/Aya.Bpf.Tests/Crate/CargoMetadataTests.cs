using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Crate;

[TestClass]
public sealed class CargoMetadataTests
{
    [TestMethod]
    public void ReadsTheWorkspaceItsMembersAndTheirTargets()
    {
        var workspace = CargoMetadata.Parse(CargoMetadataSamples.AyaAppWorkspace)!;

        Assert.AreEqual("/fixtures/aya-app", workspace.Root);
        CollectionAssert.AreEqual(new[] { "aya-app", "aya-app-common", "aya-app-ebpf" }, workspace.Members.Select(m => m.Name).ToArray());
        var ebpf = workspace.PackageOf("/fixtures/aya-app/aya-app-ebpf/Cargo.toml")!;
        CollectionAssert.AreEqual(new[] { "aya-app", "tc-count", "trace-getpid" }, ebpf.Targets.Where(t => t.IsBin).Select(t => t.Name).ToArray());
        Assert.AreEqual("/fixtures/aya-app/aya-app-ebpf/src/bin/trace-getpid.rs", ebpf.Targets.Single(t => t.Name == "trace-getpid").SourcePath);
        Assert.IsTrue(ebpf.Targets.Single(t => t.Name == "aya_app_ebpf").IsLibrary);
        Assert.IsFalse(ebpf.Targets.Any(t => t.Name == "build-script-build" && (t.IsBin || t.IsLibrary)), "a build script is neither");
        CollectionAssert.AreEqual(new[] { "user" }, workspace.Named("aya-app-common")!.Features.Keys.ToArray());
    }

    [TestMethod]
    public void FindsNoPackageForAManifestThatIsNoMembers() =>
        Assert.IsNull(CargoMetadata.Parse(CargoMetadataSamples.AyaAppWorkspace)!.PackageOf("/fixtures/aya-app/Cargo.toml"));

    [TestMethod]
    [DataRow("")]
    [DataRow("not json")]
    [DataRow("""{"packages": []}""")]
    public void RefusesWhatIsNotCargosMetadata(string text) => Assert.IsNull(CargoMetadata.Parse(text));
}
