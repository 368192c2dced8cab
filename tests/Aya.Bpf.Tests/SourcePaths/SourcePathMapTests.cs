using Aya.Bpf.Linker.SourcePaths;

namespace Aya.Bpf.Tests.SourcePaths;

[TestClass]
public sealed class SourcePathMapTests
{
    private static SourcePathMap Map(string area = "/home/ci/checkout") =>
        new("/home/ci/checkout/app", area, [("/home/ci/.cargo/registry/src", ""), ("/home/ci/.cargo/registry/src/special", "x/")]);

    [TestMethod]
    [DataRow("/home/ci/checkout/app/ebpf/src/main.rs", "ebpf/src/main.rs")]
    [DataRow("/home/ci/checkout/aya/aya-ebpf/src/lib.rs", "../aya/aya-ebpf/src/lib.rs")]
    [DataRow("/home/ci/checkout/app/ebpf/../common/src/lib.rs", "common/src/lib.rs")]
    [DataRow("/home/ci/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/aya-ebpf-0.1.1/src/lib.rs", "index.crates.io-1949cf8c6b5b557f/aya-ebpf-0.1.1/src/lib.rs")]
    [DataRow("/home/ci/.cargo/registry/src/special/y.rs", "x/y.rs")]
    [DataRow("/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/ptr/mod.rs", "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/ptr/mod.rs")]
    [DataRow("/usr/include/linux/bpf.h", "/usr/include/linux/bpf.h")]
    [DataRow("/home/ci/elsewhere/lib.rs", "/home/ci/elsewhere/lib.rs")]
    public void MapsAnAbsolutePath(string path, string expected) =>
        Assert.AreEqual(expected, Map().Map(path));

    [TestMethod]
    public void JoinsARelativeFileToItsDirectoryFirst() =>
        Assert.AreEqual("ebpf/src/main.rs", Map().Map("ebpf/src/main.rs", "/home/ci/checkout/app"));

    [TestMethod]
    public void LeavesARelativePathWithoutADirectoryAlone() =>
        Assert.AreEqual("src/lib.rs", Map().Map("src/lib.rs"));

    [TestMethod]
    public void MakesOnlyTheRootsOwnFilesRelative_WhenTheAreaIsTheRoot()
    {
        var map = Map(area: "/home/ci/checkout/app");

        Assert.AreEqual("ebpf/src/main.rs", map.Map("/home/ci/checkout/app/ebpf/src/main.rs"));
        Assert.AreEqual("/home/ci/checkout/aya/src/lib.rs", map.Map("/home/ci/checkout/aya/src/lib.rs"));
    }

    [TestMethod]
    public void AFilesystemRootArea_MakesNothingOutsideTheRootRelative() =>
        Assert.AreEqual("/usr/include/linux/bpf.h", Map(area: "/").Map("/usr/include/linux/bpf.h"));

    [TestMethod]
    public void RestoresTheAbsolutePathOfWhatItMapped()
    {
        var map = Map();
        var mapped = map.Map("/home/ci/checkout/aya/aya-ebpf/src/lib.rs");

        Assert.AreEqual("/home/ci/checkout/aya/aya-ebpf/src/lib.rs", map.Restore(mapped));
        Assert.AreEqual("never/mapped.rs", map.Restore("never/mapped.rs"));
    }
}
