using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CrateRootTests
{
    [TestMethod]
    [DataRow("#![no_std]\n#![no_main]\n", true)]
    [DataRow("#![no_core]\n#![no_std]\n", false)]
    public void TellsWhetherACrateRootUsesCore(string source, bool usesCore)
    {
        using var directory = new TempDirectory();

        Assert.AreEqual(usesCore, CrateRoot.UsesCore(directory.Write("src/probe.rs", source)));
    }

    [TestMethod]
    public void LeavesTheDecisionToCargoWhenTheRootIsMissing()
    {
        using var directory = new TempDirectory();

        Assert.IsFalse(CrateRoot.UsesCore(directory.Combine("src", "main.rs")));
    }
}
