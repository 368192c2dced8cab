using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CrateRootTests
{
    [TestMethod]
    [DataRow("#![no_std]\n#![no_main]\n", true)]
    [DataRow("#![no_core]\n#![no_std]\n", false)]
    public void TellsWhetherTheBinRootUsesCore(string source, bool usesCore)
    {
        using var directory = new TempDirectory();
        directory.Write("src/main.rs", source);

        Assert.AreEqual(usesCore, CrateRoot.UsesCore(directory.Write("Cargo.toml", "[package]\n")));
    }

    [TestMethod]
    public void LeavesTheDecisionToCargoWhenThereIsNoDefaultBinRoot()
    {
        using var directory = new TempDirectory();

        Assert.IsFalse(CrateRoot.UsesCore(directory.Write("Cargo.toml", "[package]\n")));
    }
}
