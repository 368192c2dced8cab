using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>ELF objects with bitcode embedded in <c>.llvmbc</c> (raw or wrapped), among other sections.</summary>
internal static class ElfFuzz
{
    public static FuzzTarget Target { get; } = new("elf", Seeds(), LinkInputRead.Codes, LinkInputRead.Read);

    private static byte[][] Seeds() =>
    [
        TestElf.WithBitcode(TestBitcode.Module()),
        TestElf.WithBitcode(TestBitcode.Wrap(TestBitcode.Module(), offset: 20, trailing: 4)),
        TestElf.WithSections((".text", [0xC3]), (".llvmcmd", [.. "-O2\0"u8]), (".llvmbc", TestBitcode.WithChar6Producer("LLVM22.1.2"))),
    ];
}
