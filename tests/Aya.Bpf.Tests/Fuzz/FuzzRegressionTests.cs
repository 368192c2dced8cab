using System.Buffers.Binary;
using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>Inputs the fuzzing found mishandled, each reduced to the field that did it.</summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    private const int SectionCountOffset = 60;
    private const int SectionHeadersOffset = 40;

    /// <summary>Found by the elf target: LibObjectFile allocated 86 MB for a 488-byte object claiming 65535 sections.</summary>
    [TestMethod]
    public void AnElfClaimingMoreSectionHeadersThanItHoldsIsCorruptAndCheap()
    {
        var elf = TestElf.WithBitcode(TestBitcode.Module());
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(SectionCountOffset), 0xFFFF);

        var (verdict, problem, _) = FuzzProperty.Check(ElfFuzz.Target, elf);

        Assert.IsNull(problem);
        Assert.AreEqual(DiagnosticCodes.InputCorrupt, Assert.ContainsSingle(verdict!.ErrorCodes));
        Assert.IsLessThan(FuzzProperty.AllocationBound(elf.Length), verdict.AllocatedBytes);
        using var scratch = new InputScratch();
        scratch.Collect("many.o", elf);
        StringAssert.Contains(scratch.SingleError(DiagnosticCodes.InputCorrupt).Message, "its 65535 section headers at byte");
    }

    [TestMethod]
    public void AnElfSectionReachingPastTheFileIsCorrupt()
    {
        var elf = TestElf.WithBitcode(TestBitcode.Module());
        var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(SectionHeadersOffset));
        // Section 1 is .text; its sh_size is at byte 32 of its 64-byte header.
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(sectionHeaders + 64 + 32), 0x7fff_ffff);

        using var scratch = new InputScratch();
        Assert.IsEmpty(scratch.Collect("long.o", elf));

        StringAssert.Contains(scratch.SingleError(DiagnosticCodes.InputCorrupt).Message, "its section #1 claims bytes");
    }

    /// <summary>Found by the elf target: one bit flip made .shstrtab a note section, whose "notes" made LibObjectFile allocate 1.7 GB.</summary>
    [TestMethod]
    public void AnElfNoteClaimingMoreThanItsSectionIsCorruptAndCheap()
    {
        var elf = TestElf.WithBitcode(TestBitcode.Module());
        var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(SectionHeadersOffset));
        // Sections: null, .text, .llvmbc, .shstrtab; sh_type is at byte 4 of a header. 7 is SHT_NOTE.
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(sectionHeaders + (3 * 64) + 4), 7);

        var (verdict, problem, _) = FuzzProperty.Check(ElfFuzz.Target, elf);

        Assert.IsNull(problem);
        Assert.AreEqual(DiagnosticCodes.InputCorrupt, Assert.ContainsSingle(verdict!.ErrorCodes));
        using var scratch = new InputScratch();
        scratch.Collect("note.o", elf);
        StringAssert.Contains(scratch.SingleError(DiagnosticCodes.InputCorrupt).Message, "its note section #3 holds a note at byte 0");
    }

    /// <summary>Found by the archive target: LibObjectFile allocated 7.6 MB for a 526-byte archive whose member claimed 7618758 bytes.</summary>
    [TestMethod]
    public void AnArchiveMemberClaimingMoreBytesThanTheFileHoldsIsCorruptAndCheap()
    {
        var archive = GnuArchiveWriter.Write([("short.o", TestBitcode.Module())], symbolInFirstMember: null);
        // The member's header follows the 8-byte signature; its size is the decimal field at byte 48.
        Encoding.ASCII.GetBytes("7618758   ").CopyTo(archive, 8 + 48);

        var (verdict, problem, _) = FuzzProperty.Check(ArchiveFuzz.Target, archive);

        Assert.IsNull(problem);
        Assert.AreEqual(DiagnosticCodes.InputCorrupt, Assert.ContainsSingle(verdict!.ErrorCodes));
        using var scratch = new InputScratch();
        scratch.Collect("long.rlib", archive);
        StringAssert.Contains(scratch.SingleError(DiagnosticCodes.InputCorrupt).Message, "the member at byte 8 claims 7618758 bytes");
    }
}
