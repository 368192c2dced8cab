using Aya.Bpf.Tasks.Toolchain;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class RustcVersionTests
{
    [TestMethod]
    public void ReadsReleaseLlvmAndHostFromVerboseVersion()
    {
        const string stable = """
            rustc 1.95.0 (59807616e 2026-04-14)
            binary: rustc
            commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
            commit-date: 2026-04-14
            host: x86_64-unknown-linux-gnu
            release: 1.95.0
            LLVM version: 22.1.2

            """;

        Assert.AreEqual(new RustcVersion("1.95.0", "22.1.2", "x86_64-unknown-linux-gnu"), RustcVersion.Parse(stable));
    }

    [TestMethod]
    public void ReadsMissingFieldsAsEmpty() =>
        Assert.AreEqual(new RustcVersion("", "", ""), RustcVersion.Parse("rustc 1.0.0\n"));
}
