using Aya.Bpf.Tasks.Link;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class LinkResponseFileTests
{
    private static readonly LinkRequest Request = new(
        "/sysroot/lib/libLLVM.so.22.1", "/p/obj/Release/link/link.json", ["/p/obj/helper.bc", "/p/more code.bc"],
        "bpfel", "v3", "", "2", "/p/obj/Release/p.bpf.o");

    [TestMethod]
    public void PutsEachOptionAndValueOnALineOfItsOwn()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "--llvm", "/sysroot/lib/libLLVM.so.22.1", "--manifest", "/p/obj/Release/link/link.json",
                "--input", "/p/obj/helper.bc", "--input", "/p/more code.bc",
                "--target", "bpfel", "--cpu", "v3", "-O", "2", "--output", "/p/obj/Release/p.bpf.o",
            },
            LinkResponseFile.Lines(Request).ToArray());
    }

    [TestMethod]
    public void PassesCpuFeaturesOnlyWhenThereAreSome()
    {
        var lines = LinkResponseFile.Lines(Request with { CpuFeatures = " +alu32 " }).ToList();

        Assert.AreEqual("+alu32", lines[lines.IndexOf("--cpu-features") + 1]);
    }

    [TestMethod]
    public void PassesTheKernelBaselineBeforeTheOutputOnlyWhenSet()
    {
        CollectionAssert.DoesNotContain(LinkResponseFile.Lines(Request).ToArray(), "--kernel-baseline");

        var lines = LinkResponseFile.Lines(Request with { KernelBaseline = "5.15" }).ToArray();

        CollectionAssert.AreEqual(new[] { "-O", "2", "--kernel-baseline", "5.15", "--output", "/p/obj/Release/p.bpf.o" }, lines[^6..]);
    }

    [TestMethod]
    public void SaysTheBitcodeIsFromAHostBuildOnlyWhenItIs()
    {
        CollectionAssert.DoesNotContain(LinkResponseFile.Lines(Request).ToArray(), "--rust-build");

        var lines = LinkResponseFile.Lines(Request with { FromHost = true }).ToArray();

        CollectionAssert.AreEqual(new[] { "--rust-build", "host", "--output", "/p/obj/Release/p.bpf.o" }, lines[^4..]);
    }

    [TestMethod]
    public void PassesTheSourcePathSettingsOnlyWhenPathsAreMadeDeterministic()
    {
        CollectionAssert.DoesNotContain(LinkResponseFile.Lines(Request).ToArray(), "--source-root");

        var paths = new SourcePathSettings("/ws", "/repo", [("/home/u/.cargo/registry/src", "")]);
        var lines = LinkResponseFile.Lines(Request with { SourcePaths = paths }).ToArray();

        CollectionAssert.AreEqual(
            new[] { "--source-root", "/ws", "--source-area", "/repo", "--path-map", "/home/u/.cargo/registry/src=", "--output", "/p/obj/Release/p.bpf.o" },
            lines[^8..]);
    }
}
