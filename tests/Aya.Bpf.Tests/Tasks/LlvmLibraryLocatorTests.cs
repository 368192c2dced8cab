using Aya.Bpf.Tasks.Toolchain;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class LlvmLibraryLocatorTests
{
    private static readonly byte[] ElfStart = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

    [TestMethod]
    public void PicksTheRealLibraryOverRustupsLinkerScript()
    {
        using var sysroot = new TempDirectory();
        // rustup ships both: a 42-byte linker script and the shared library it names.
        sysroot.Write("lib/libLLVM-22-rust-1.95.0-stable.so", "INPUT(libLLVM.so.22.1-rust-1.95.0-stable)\n");
        var library = sysroot.Combine("lib", "libLLVM.so.22.1-rust-1.95.0-stable");
        File.WriteAllBytes(library, ElfStart);
        sysroot.Write("lib/librustc_driver-6108105cd7e839cf.so", "not llvm");

        Assert.AreEqual(library, LlvmLibraryLocator.Find(sysroot.Path));
    }

    [TestMethod]
    public void FollowsASymbolicLinkToTheFileItNames()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("symbolic links need privileges on Windows");
        using var sysroot = new TempDirectory();
        var library = sysroot.Combine("lib", "libLLVM-22.so.1");
        Directory.CreateDirectory(sysroot.Combine("lib"));
        File.WriteAllBytes(library, ElfStart);
        File.CreateSymbolicLink(sysroot.Combine("lib", "libLLVM.so.22"), library);

        Assert.AreEqual(library, LlvmLibraryLocator.Find(sysroot.Path));
    }

    [TestMethod]
    public void FindsNothingWithoutALoadableLibrary()
    {
        using var sysroot = new TempDirectory();
        sysroot.Write("lib/libLLVM-22-rust-1.95.0-stable.so", "INPUT(libLLVM.so.22.1-rust-1.95.0-stable)\n");

        Assert.IsNull(LlvmLibraryLocator.Find(sysroot.Path));
        Assert.IsNull(LlvmLibraryLocator.Find(sysroot.Combine("no-such-sysroot")));
    }
}
