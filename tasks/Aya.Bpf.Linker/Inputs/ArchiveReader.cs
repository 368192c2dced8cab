using LibObjectFile.Ar;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>Lists the members of an ar archive such as a rustc rlib (GNU format, long names).</summary>
internal static class ArchiveReader
{
    private const int SignatureLength = 8;
    private const int NameFieldLength = 16;

    // An ordinary member name, 16 bytes as the header field wants it.
    private const string MaskedIndexName = "__symbol_index";
    private static readonly byte[] s_maskedIndexHeaderName = System.Text.Encoding.ASCII.GetBytes($"{MaskedIndexName}/".PadRight(NameFieldLength));

    /// <summary>Reads all members in order; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> archive, out IReadOnlyList<ArchiveMember> members, out string problem)
    {
        members = [];
        problem = "";
        if (ArchiveLayout.FindProblem(archive.Span) is { } layoutProblem)
        {
            problem = layoutProblem;
            return false;
        }

        ArArchiveFile? file;
        try
        {
            using var stream = ReadOnlyMemoryStream.Open(WithoutSymbolIndex(archive));
            // Object files are not parsed here: each member is detected on its own afterwards.
            var options = new ArArchiveFileReaderOptions(ArArchiveKind.GNU) { ProcessObjectFiles = false };
            if (!ArArchiveFile.TryRead(stream, options, out file, out var diagnostics))
            {
                problem = $"is not a readable ar archive (truncated or corrupt): {ObjectFileDiagnostics.FirstError(diagnostics)}";
                return false;
            }
        }
        catch (Exception exception)
        {
            // LibObjectFile throws on some malformed headers instead of reporting them.
            problem = $"is not a readable ar archive: {exception.Message}";
            return false;
        }

        var list = new List<ArchiveMember>(file.Files.Count);
        foreach (var entry in file.Files)
        {
            switch (entry)
            {
                case ArSymbolTable table:
                    list.Add(new ArchiveMember(table.Name ?? "/", IsSymbolTable: true, ReadOnlyMemory<byte>.Empty));
                    break;
                case ArBinaryFile { Name: MaskedIndexName } index:
                    list.Add(new ArchiveMember(MaskedIndexName, IsSymbolTable: true, ReadOnlyMemory<byte>.Empty));
                    break;
                case ArBinaryFile binary:
                    var content = binary.Stream is null ? ReadOnlyMemory<byte>.Empty : ReadOnlyMemoryStream.ReadAll(binary.Stream);
                    list.Add(new ArchiveMember(binary.Name ?? "", IsSymbolTable: false, content));
                    break;
                default:
                    // The reader yields only these two kinds when it does not process object files.
                    problem = $"holds a member '{entry.Name}' of an unexpected kind ({entry.GetType().Name})";
                    return false;
            }
        }

        members = list;
        return true;
    }

    /// <summary>
    /// The archive with its GNU symbol index (the first member, named "/" or "/SYM64/") renamed to an ordinary
    /// member. The link never uses the index, and LibObjectFile refuses the 8-byte index of no symbols that
    /// rustc writes for a crate exporting none (one whose functions are all generic or inlined).
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutSymbolIndex(ReadOnlyMemory<byte> archive)
    {
        var span = archive.Span;
        if (span.Length < SignatureLength + NameFieldLength)
            return archive;
        var name = span.Slice(SignatureLength, NameFieldLength);
        var isIndex = name.StartsWith("/ "u8) || name.StartsWith("/SYM64/"u8);
        if (!isIndex)
            return archive;
        var copy = archive.ToArray();
        s_maskedIndexHeaderName.CopyTo(copy.AsSpan(SignatureLength));
        return copy;
    }
}
