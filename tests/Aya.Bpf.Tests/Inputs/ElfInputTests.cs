using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class ElfInputTests
{
    [TestMethod]
    public void YieldsTheLlvmbcSectionContent()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        var path = scratch.Write("embedded.o", TestElf.WithBitcode(module));

        var blob = Assert.ContainsSingle(scratch.Collect(path));

        Assert.IsEmpty(scratch.Log.Reported);
        Assert.AreEqual(path, blob.Origin);
        Assert.IsFalse(blob.IsTextIr);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }

    [TestMethod]
    public void LoneElfWithoutBitcodeYieldsNothingAndLeavesTheVerdictToTheCaller()
    {
        using var scratch = new InputScratch();

        Assert.IsEmpty(scratch.Collect("symbols.o", TestElf.WithoutBitcode()));

        Assert.IsEmpty(scratch.Log.Reported);
    }

    [TestMethod]
    public void EmptyLlvmbcMarkerSectionHoldsNoBitcode()
    {
        using var scratch = new InputScratch();

        Assert.IsEmpty(scratch.Collect("marker.o", TestElf.WithSections((".text", [0xC3]), (".llvmbc", []))));

        Assert.IsEmpty(scratch.Log.Reported);
    }

    [TestMethod]
    public void LlvmbcSectionWithoutBitcodeIsCorrupt()
    {
        using var scratch = new InputScratch();
        var path = scratch.Write("odd.o", TestElf.WithBitcode([.. "definitely not bitcode"u8]));

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.Contains(path, error.Message);
        Assert.Contains(".llvmbc", error.Message);
    }

    [TestMethod]
    public void DamagedElfIsCorrupt()
    {
        using var scratch = new InputScratch();
        var elf = TestElf.WithBitcode(TestBitcode.Module());
        var path = scratch.Write("damaged.o", elf[..24]);

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.Contains(path, error.Message);
        Assert.Contains("ELF", error.Message);
    }
}
