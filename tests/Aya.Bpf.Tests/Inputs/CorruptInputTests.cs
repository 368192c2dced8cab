using System.Text;
using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class CorruptInputTests
{
    [TestMethod]
    public void RawBitcodeIsReturnedWhole()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        var path = scratch.Write("x.o", module);

        var blob = Assert.ContainsSingle(scratch.Collect(path));

        Assert.IsEmpty(scratch.Log.Reported);
        Assert.AreEqual(path, blob.Origin);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }

    [TestMethod]
    public void TextIrIsReturnedAsText()
    {
        using var scratch = new InputScratch();
        var text = Encoding.UTF8.GetBytes("; ModuleID = 'helper'\ndefine i32 @helper() {\n  ret i32 0\n}\n");

        var blob = Assert.ContainsSingle(scratch.Collect("helper.ll", text));

        Assert.IsTrue(blob.IsTextIr);
        CollectionAssert.AreEqual(text, blob.Content.ToArray());
    }

    [TestMethod]
    public void EmptyFileIsCorrupt() =>
        AssertCorrupt("empty.o", [], "empty");

    [TestMethod]
    public void GarbageIsCorrupt() =>
        AssertCorrupt("garbage.o", [.. "MZ this is not an object"u8], "not LLVM bitcode");

    [TestMethod]
    public void BitcodeShorterThanAModuleIsCorrupt() =>
        AssertCorrupt("short.bc", [0x42, 0x43, 0xC0, 0xDE, 0x35, 0x14, 0, 0], "too short");

    [TestMethod]
    public void BitcodeOfPartialWordsIsCorrupt() =>
        AssertCorrupt("odd.bc", TestBitcode.Module()[..^1], "32-bit words");

    [TestMethod]
    public void BitcodeCutAtAWordBoundaryIsCorrupt() =>
        AssertCorrupt("cut.bc", TestBitcode.Module()[..^8], "truncated");

    [TestMethod]
    public void MissingFileIsReported()
    {
        using var scratch = new InputScratch();
        var path = Path.Combine(scratch.Directory, "missing.rlib");

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputMissing);
        Assert.AreEqual(path, error.File);
        Assert.Contains(path, error.Message);
    }

    [TestMethod]
    public void UnreadablePathIsReportedAsMissing()
    {
        using var scratch = new InputScratch();

        Assert.IsEmpty(scratch.Collect(scratch.Directory));

        Assert.Contains("cannot be read", scratch.SingleError(DiagnosticCodes.InputMissing).Message);
    }

    private static void AssertCorrupt(string name, byte[] content, string expectedProblem)
    {
        using var scratch = new InputScratch();
        var path = scratch.Write(name, content);

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.AreEqual(path, error.File);
        Assert.Contains(path, error.Message);
        Assert.Contains(expectedProblem, error.Message);
        Assert.Contains("Rebuild", error.Message);
    }
}
