using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>Builds small x86-64 ELF objects with LibObjectFile, optionally with a .llvmbc section.</summary>
internal static class TestElf
{
    public static byte[] WithSections(params (string Name, byte[] Content)[] sections) => WithSections(new HashSet<string>(), sections);

    /// <summary>The sections in order; those named in <paramref name="code"/> are executable.</summary>
    public static byte[] WithSections(IReadOnlySet<string> code, params (string Name, byte[] Content)[] sections)
    {
        var elf = new ElfFile(ElfArch.X86_64);
        foreach (var (name, content) in sections)
        {
            var flags = code.Contains(name) ? ElfSectionFlags.Alloc | ElfSectionFlags.Executable : ElfSectionFlags.None;
            elf.Add(new ElfStreamSection(ElfSectionType.ProgBits, new MemoryStream(content)) { Name = name, Flags = flags });
        }

        elf.Add(new ElfSectionHeaderStringTable());
        elf.Add(new ElfSectionHeaderTable());
        using var output = new MemoryStream();
        elf.Write(output);
        return output.ToArray();
    }

    /// <summary>Only code, like a native object compiled without embedded bitcode.</summary>
    public static byte[] WithoutBitcode() => WithSections((".text", [0xC3]));

    public static byte[] WithBitcode(byte[] bitcode) => WithSections((".text", [0xC3]), (".llvmbc", bitcode));
}
