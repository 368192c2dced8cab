using System.Buffers.Binary;
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
}
