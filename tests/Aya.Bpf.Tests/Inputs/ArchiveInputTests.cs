using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class ArchiveInputTests
{
    private const string LongMemberName = "probe-0123456789abcdef.probe.a1b2c3d4e5f6-cgu.0.rcgu.o";

    [TestMethod]
    public void CollectsBitcodeMembersInOrderAndReportsJunkByMember()
    {
        using var scratch = new InputScratch();
        var first = TestBitcode.Module("LLVM22.1.2-rust-1.95.0-stable");
        var second = TestBitcode.Module("LLVM22.1.4-rust-1.97.0-nightly");
        var archive = GnuArchiveWriter.Write(
        [
            ("lib.rmeta", [.. "rust\0\0\0\u0009metadata"u8]),
            ("short.o", first),
            (LongMemberName, second),
            ("junk.o", [1, 2, 3, 4, 5]),
        ]);
        var path = scratch.Write("libprobe.rlib", archive);

        var blobs = scratch.Collect(path);

        Assert.HasCount(2, blobs);
        Assert.AreEqual($"{path}(short.o)", blobs[0].Origin);
        CollectionAssert.AreEqual(first, blobs[0].Content.ToArray());
        Assert.AreEqual($"{path}({LongMemberName})", blobs[1].Origin);
        CollectionAssert.AreEqual(second, blobs[1].Content.ToArray());
        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.Contains($"{path}(junk.o)", error.Message);
        Assert.AreEqual(path, error.File);
        var notes = scratch.Output.ToString();
        Assert.Contains($"{path}(lib.rmeta): skipped", notes);
        Assert.Contains("symbol table", notes);
    }

    /// <summary>rustc writes an index of no symbols (a zero count and padding) for a crate that exports none.</summary>
    [TestMethod]
    public void AnIndexWithoutSymbolsIsSkippedLikeAnyOther()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        var archive = GnuArchiveWriter.Write([("lib.rmeta", [0]), ("generic.cgu.0.rcgu.o", TestElf.WithBitcode(module))], symbolInFirstMember: "");

        var blob = Assert.ContainsSingle(scratch.Collect("libgeneric.rlib", archive));

        Assert.IsEmpty(scratch.Log.Reported);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }

    [TestMethod]
    public void ReadsEmbeddedBitcodeFromElfMembers()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        var archive = GnuArchiveWriter.Write([("lib.rmeta", [0]), ("core.cgu.0.rcgu.o", TestElf.WithBitcode(module))]);

        var blob = Assert.ContainsSingle(scratch.Collect("libcore.rlib", archive));

        Assert.IsEmpty(scratch.Log.Reported);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }

    [TestMethod]
    public void ElfMemberWithoutBitcodeIsAnErrorNamingTheMember()
    {
        using var scratch = new InputScratch();
        var archive = GnuArchiveWriter.Write([("native.o", TestElf.WithoutBitcode())], symbolInFirstMember: null);
        var path = scratch.Write("libnative.a", archive);

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputHasNoBitcode);
        Assert.Contains($"{path}(native.o)", error.Message);
        Assert.Contains("-emit-llvm", error.Message);
    }

    [TestMethod]
    public void TruncatedArchiveIsCorrupt()
    {
        using var scratch = new InputScratch();
        var archive = GnuArchiveWriter.Write([("a.o", TestBitcode.Module()), ("b.o", TestBitcode.Module())]);
        var path = scratch.Write("libcut.rlib", archive[..(archive.Length - 30)]);

        Assert.IsEmpty(scratch.Collect(path));

        var error = scratch.SingleError(DiagnosticCodes.InputCorrupt);
        Assert.Contains(path, error.Message);
        Assert.Contains("ar archive", error.Message);
    }

    [TestMethod]
    public void ArchiveWithOnlyMetadataYieldsNothingAndNoError()
    {
        using var scratch = new InputScratch();
        var archive = GnuArchiveWriter.Write([("lib.rmeta", [1, 2, 3])], symbolInFirstMember: null);

        Assert.IsEmpty(scratch.Collect("libempty.rlib", archive));

        Assert.IsEmpty(scratch.Log.Reported);
        Assert.Contains("lib.rmeta", scratch.Output.ToString());
    }

    [TestMethod]
    public void NestedArchivesAreSearched()
    {
        using var scratch = new InputScratch();
        var module = TestBitcode.Module();
        var inner = GnuArchiveWriter.Write([("inner.o", module)], symbolInFirstMember: null);
        var path = scratch.Write("outer.a", GnuArchiveWriter.Write([("inner.a", inner)], symbolInFirstMember: null));

        var blob = Assert.ContainsSingle(scratch.Collect(path));

        Assert.AreEqual($"{path}(inner.a)(inner.o)", blob.Origin);
        CollectionAssert.AreEqual(module, blob.Content.ToArray());
    }
}
