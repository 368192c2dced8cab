using LibObjectFile.Elf;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>Finds the bitcode that compilers embed in an ELF object's <c>.llvmbc</c> section.</summary>
internal static class ElfEmbeddedBitcode
{
    public const string SectionName = ".llvmbc";

    /// <summary>
    /// Reads the ELF object. On success <paramref name="bitcode"/> is the first <c>.llvmbc</c>
    /// section's content, or null when there is none; on failure <paramref name="problem"/> says why.
    /// </summary>
    public static bool TryFind(ReadOnlyMemory<byte> elf, out ReadOnlyMemory<byte>? bitcode, out string problem)
    {
        bitcode = null;
        problem = "";
        if (ElfLayout.FindProblem(elf.Span) is { } layoutProblem)
        {
            problem = layoutProblem;
            return false;
        }

        ElfFile? file;
        try
        {
            using var stream = ReadOnlyMemoryStream.Open(elf);
            // Sub-streams: section contents stay views of our bytes instead of copies.
            if (!ElfFile.TryRead(stream, out file, out var diagnostics, new ElfReaderOptions { UseSubStream = true }))
            {
                problem = $"is not a readable ELF object: {ObjectFileDiagnostics.FirstError(diagnostics)}";
                return false;
            }
        }
        catch (Exception exception)
        {
            // LibObjectFile throws on some malformed headers instead of reporting them.
            problem = $"is not a readable ELF object: {exception.Message}";
            return false;
        }

        foreach (var section in file.Sections)
        {
            if (section.Name.Value != SectionName)
            {
                continue;
            }

            // An empty section is a marker (e.g. clang -fembed-bitcode=marker): no bitcode.
            if (section.Type == ElfSectionType.NoBits || section.Size == 0)
            {
                return true;
            }

            // Written so that huge values from a damaged header cannot overflow.
            if (section.Size > (ulong)elf.Length || section.Position > (ulong)elf.Length - section.Size)
            {
                problem = $"is truncated: its {SectionName} section claims bytes {section.Position}..{section.Position + section.Size}, but it has only {elf.Length} bytes";
                return false;
            }

            bitcode = elf.Slice((int)section.Position, (int)section.Size);
            return true;
        }

        return true;
    }
}
