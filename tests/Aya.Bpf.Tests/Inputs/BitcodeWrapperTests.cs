using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class BitcodeWrapperTests
{
    private const int HeaderLength = 20;

    [TestMethod]
    public void YieldsExactlyTheWrappedBitcode()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        // Padding between header and bitcode, and trailing bytes, as some tools write them.
        var wrapped = TestBitcode.Wrap(module, offset: HeaderLength + 12, trailing: 8);

        var blob = Assert.ContainsSingle(scratch.Collect("wrapped.o", wrapped));

        Assert.IsEmpty(scratch.Log.Reported);
        Assert.IsFalse(blob.IsTextIr);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }

    [TestMethod]
    public void TruncatedWrapperIsCorruptAndNamesTheFile()
    {
        using var scratch = new InputScratch();
        var wrapped = TestBitcode.Wrap(TestBitcode.Module(), offset: HeaderLength, trailing: 0);
        var path = scratch.Write("cut.bc", wrapped[..^16]);

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.AreEqual(path, error.File);
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("clean build", error.Message);
    }

    [TestMethod]
    public void WrapperShorterThanItsHeaderIsCorrupt()
    {
        using var scratch = new InputScratch();

        Assert.IsEmpty(scratch.Collect("stub.bc", [0xDE, 0xC0, 0x17, 0x0B, 0, 0, 0, 0]));

        Assert.Contains("header", scratch.SingleError(DiagnosticCodes.InputCorrupt).Message);
    }

    [TestMethod]
    public void WrapperAroundSomethingElseIsCorrupt()
    {
        using var scratch = new InputScratch();
        var wrapped = TestBitcode.Wrap([.. "not bitcode at all!!"u8], offset: HeaderLength, trailing: 0);

        Assert.IsEmpty(scratch.Collect("odd.bc", wrapped));

        Assert.Contains("wrapped bitcode", scratch.SingleError(DiagnosticCodes.InputCorrupt).Message);
    }
}
