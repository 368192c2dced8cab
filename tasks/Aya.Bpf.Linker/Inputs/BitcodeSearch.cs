using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Walks one input file: detects each piece (the file, its archive members) by content and keeps
/// the bitcode it finds. Problems are reported against the file on disk and name the member.
/// </summary>
internal sealed class BitcodeSearch(string path, DiagnosticLog log)
{
    // "lib.rmeta" holds the crate metadata; newer rustc also adds "lib.rmeta-link" (an ELF without bitcode).
    private const string RustMetadataMemberPrefix = "lib.rmeta";

    // Archives inside archives are legal but rare; a bound keeps a crafted file from nesting deeply.
    private const int MaxArchiveDepth = 4;

    private readonly List<BitcodeBlob> _found = [];

    public IReadOnlyList<BitcodeBlob> Found => _found;

    /// <summary>Looks at one piece: the whole file (origin is its path) or an archive member (origin "archive(member)").</summary>
    public void Visit(string origin, ReadOnlyMemory<byte> content, int archiveDepth)
    {
        var isMember = archiveDepth > 0;
        switch (InputDetector.Detect(content.Span))
        {
            case InputKind.RawBitcode:
            case InputKind.BitcodeWrapper:
                AddBitcode(origin, content);
                break;
            case InputKind.TextIr:
                _found.Add(new BitcodeBlob(origin, content, IsTextIr: true));
                break;
            case InputKind.Elf:
                VisitElf(origin, content, isMember);
                break;
            case InputKind.Archive:
                VisitArchive(origin, content, archiveDepth);
                break;
            case InputKind.Empty:
                Corrupt(origin, "is empty (0 bytes), where LLVM bitcode, an object file or an archive was expected");
                break;
            default:
                Corrupt(origin, $"is not LLVM bitcode, a bitcode wrapper, an ELF object, an ar archive or LLVM text IR (it starts with {DescribeStart(content.Span)})");
                break;
        }
    }

    private void AddBitcode(string origin, ReadOnlyMemory<byte> content)
    {
        if (TryUnwrap(content, out var bitcode, out var problem))
        {
            _found.Add(new BitcodeBlob(origin, bitcode, IsTextIr: false));
        }
        else
        {
            Corrupt(origin, problem);
        }
    }

    /// <summary>Strips a wrapper if there is one and checks the bitcode is whole.</summary>
    private static bool TryUnwrap(ReadOnlyMemory<byte> content, out ReadOnlyMemory<byte> bitcode, out string problem)
    {
        bitcode = content;
        var isWrapped = content.Span.StartsWith(BitcodeWrapper.Magic);
        if (isWrapped)
        {
            if (!BitcodeWrapper.TryLocate(content.Span, out var wrapped, out problem))
            {
                return false;
            }

            bitcode = content[wrapped];
        }

        var rawProblem = RawBitcode.FindProblem(bitcode.Span);
        if (rawProblem is null)
        {
            problem = "";
            return true;
        }

        problem = isWrapped ? $"holds wrapped bitcode that {rawProblem}" : rawProblem;
        return false;
    }

    private void VisitElf(string origin, ReadOnlyMemory<byte> content, bool isMember)
    {
        if (!ElfEmbeddedBitcode.TryFind(content, out var bitcode, out var problem))
        {
            Corrupt(origin, problem);
            return;
        }

        if (bitcode is { } embedded)
        {
            if (TryUnwrap(embedded, out var unwrapped, out var sectionProblem))
            {
                _found.Add(new BitcodeBlob(origin, unwrapped, IsTextIr: false));
            }
            else
            {
                Corrupt(origin, $"has a {ElfEmbeddedBitcode.SectionName} section whose content {sectionProblem}");
            }

            return;
        }

        // A lone object file without bitcode is the caller's to judge; inside an archive it is an error.
        if (isMember)
        {
            log.Error(
                DiagnosticCodes.InputHasNoBitcode,
                $"{origin} is an ELF object without LLVM bitcode (no {ElfEmbeddedBitcode.SectionName} section). {InputAdvice.ProvideBitcode}",
                path);
        }
    }

    private void VisitArchive(string origin, ReadOnlyMemory<byte> content, int archiveDepth)
    {
        if (archiveDepth >= MaxArchiveDepth)
        {
            Corrupt(origin, $"nests archives more than {MaxArchiveDepth} deep");
            return;
        }

        if (!ArchiveReader.TryRead(content, out var members, out var problem))
        {
            Corrupt(origin, problem);
            return;
        }

        foreach (var member in members)
        {
            var memberOrigin = $"{origin}({member.Name})";
            if (member.IsSymbolTable)
            {
                log.Info($"{origin}: skipped the archive symbol table");
            }
            else if (member.Name.StartsWith(RustMetadataMemberPrefix, StringComparison.Ordinal))
            {
                log.Info($"{memberOrigin}: skipped (Rust crate metadata, no bitcode)");
            }
            else
            {
                Visit(memberOrigin, member.Content, archiveDepth + 1);
            }
        }
    }

    private void Corrupt(string origin, string problem) =>
        log.Error(DiagnosticCodes.InputCorrupt, $"Input {origin} {problem}. {InputAdvice.Rebuild}", path);

    private static string DescribeStart(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 8)];
        return $"bytes {Convert.ToHexString(head)}";
    }
}
