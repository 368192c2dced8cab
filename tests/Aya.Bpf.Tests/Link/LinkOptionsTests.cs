using Aya.Bpf.Linker.Cli;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class LinkOptionsTests
{
    [TestMethod]
    public void ReadsEveryOptionFromAResponseFile()
    {
        var rsp = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(rsp,
            [
                "--llvm", "/sysroot/lib/libLLVM.so", "--manifest", "/obj/link.json", "--input", "a.bc", "--input", "b.bc",
                "--export", "extra", "--target", "bpfeb", "--cpu", "v2", "--cpu-features", "+alu32", "-O", "3", "--output", "/obj/p.bpf.o",
            ]);
            var options = LinkOptions.Parse([$"@{rsp}"], out var error);

            Assert.IsNull(error);
            Assert.IsNotNull(options);
            Assert.AreEqual("/sysroot/lib/libLLVM.so", options.LlvmLibrary);
            Assert.AreEqual("/obj/link.json", options.Manifest);
            CollectionAssert.AreEqual(new[] { "a.bc", "b.bc" }, options.Inputs.ToArray());
            CollectionAssert.AreEqual(new[] { "extra" }, options.Exports.ToArray());
            Assert.AreEqual("bpfeb", options.Target);
            Assert.AreEqual("v2", options.Cpu);
            Assert.AreEqual("+alu32", options.CpuFeatures);
            Assert.AreEqual(3, options.OptimizationLevel);
            Assert.AreEqual("/obj/p.bpf.o", options.Output);
        }
        finally
        {
            File.Delete(rsp);
        }
    }

    [TestMethod]
    [DataRow("--target", "x86_64", "target 'x86_64'")]
    [DataRow("-O", "s", "optimization level 's'")]
    [DataRow("--frobnicate", "1", "unknown option '--frobnicate'")]
    [DataRow("--rust-build", "wasm", "rust build 'wasm'")]
    public void RefusesWhatItCannotDo(string name, string value, string expected)
    {
        var options = LinkOptions.Parse(["--llvm", "l", "--output", "o", name, value], out var error);

        Assert.IsNull(options);
        Assert.Contains(expected, error ?? "");
    }

    [TestMethod]
    public void ReadsTheLicenseWithItsSpaces_AndNoneByDefault()
    {
        Assert.AreEqual("Dual MIT/GPL", LinkOptions.Parse(["--llvm", "l", "--output", "o", "--license", "Dual MIT/GPL"], out _)?.License);
        Assert.IsNull(LinkOptions.Parse(["--llvm", "l", "--output", "o"], out _)?.License);
    }

    [TestMethod]
    public void KernelBaselineIsSixOneByDefault()
    {
        var options = LinkOptions.Parse(["--llvm", "l", "--output", "o"], out var error);

        Assert.IsNull(error);
        Assert.AreEqual(new Version(6, 1), options?.KernelBaseline);
    }

    [TestMethod]
    [DataRow("5.15", 5, 15, -1)]
    [DataRow("6.8.1", 6, 8, 1)]
    [DataRow("4.18", 4, 18, -1)]
    public void ReadsTheKernelBaseline(string value, int major, int minor, int patch)
    {
        var options = LinkOptions.Parse(["--llvm", "l", "--output", "o", "--kernel-baseline", value], out var error);

        Assert.IsNull(error);
        Assert.IsNotNull(options);
        Assert.AreEqual((major, minor, patch), (options.KernelBaseline.Major, options.KernelBaseline.Minor, options.KernelBaseline.Build));
    }

    [TestMethod]
    [DataRow("6")]
    [DataRow("6.1.0.0")]
    [DataRow("3.19")]
    [DataRow("latest")]
    [DataRow("6.x")]
    [DataRow("-6.1")]
    [DataRow("")]
    public void RefusesAKernelBaselineThatIsNotAVersion(string value)
    {
        var options = LinkOptions.Parse(["--llvm", "l", "--output", "o", "--kernel-baseline", value], out var error);

        Assert.IsNull(options);
        Assert.AreEqual($"kernel baseline '{value}' is not a version such as 6.1", error);
    }

    [TestMethod]
    public void RequiresLlvmAndOutput()
    {
        Assert.IsNull(LinkOptions.Parse(["--output", "o"], out var error));
        Assert.Contains("--llvm", error ?? "");
    }

    [TestMethod]
    [DataRow("host", true)]
    [DataRow("bpf", false)]
    public void RustBuildSaysWhetherTheBitcodeIsFromTheHost(string value, bool fromHost)
    {
        Assert.AreEqual(false, LinkOptions.Parse(["--llvm", "l", "--output", "o"], out _)!.FromHost);

        Assert.AreEqual(fromHost, LinkOptions.Parse(["--llvm", "l", "--output", "o", "--rust-build", value], out var error)?.FromHost, error);
    }
}
