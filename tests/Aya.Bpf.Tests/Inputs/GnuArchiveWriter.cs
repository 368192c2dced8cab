using System.Buffers.Binary;
using System.Text;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>
/// Writes a GNU ar archive the way rustc lays out an rlib: a "/" symbol table, a "//" table of
/// long names, then the members, each padded to an even offset.
/// </summary>
internal static class GnuArchiveWriter
{
    private const int HeaderLength = 60;
    private const int MaxShortName = 15;

    /// <param name="symbolInFirstMember">The one symbol the index lists; "" writes an index of no symbols as rustc
    /// does for a crate that exports none (8 bytes: a zero count and padding); null writes no index.</param>
    public static byte[] Write(IReadOnlyList<(string Name, byte[] Content)> members, string? symbolInFirstMember = "f")
    {
        var longNames = new StringBuilder();
        var headerNames = new List<string>();
        foreach (var (name, _) in members)
        {
            if (name.Length > MaxShortName)
            {
                headerNames.Add($"/{longNames.Length}");
                longNames.Append(name).Append("/\n");
            }
            else
            {
                headerNames.Add(name + "/");
            }
        }

        var longNameTable = Encoding.ASCII.GetBytes(longNames.ToString());
        var symbolTable = symbolInFirstMember switch
        {
            null => null,
            "" => new byte[8],
            _ => new byte[4 + 4 + symbolInFirstMember.Length + 1],
        };
        var firstMemberOffset = 8
            + (symbolTable is null ? 0 : HeaderLength + Padded(symbolTable.Length))
            + (longNameTable.Length == 0 ? 0 : HeaderLength + Padded(longNameTable.Length));
        if (symbolTable is not null && !string.IsNullOrEmpty(symbolInFirstMember))
        {
            // Big-endian count and member offsets, then NUL-terminated names.
            BinaryPrimitives.WriteUInt32BigEndian(symbolTable, 1);
            BinaryPrimitives.WriteUInt32BigEndian(symbolTable.AsSpan(4), (uint)firstMemberOffset);
            Encoding.ASCII.GetBytes(symbolInFirstMember).CopyTo(symbolTable, 8);
        }

        using var output = new MemoryStream();
        output.Write("!<arch>\n"u8);
        if (symbolTable is not null)
        {
            WriteMember(output, "/", symbolTable);
        }

        if (longNameTable.Length != 0)
        {
            WriteMember(output, "//", longNameTable);
        }

        for (var i = 0; i < members.Count; i++)
        {
            WriteMember(output, headerNames[i], members[i].Content);
        }

        return output.ToArray();
    }

    private static int Padded(int length) => length + (length % 2);

    private static void WriteMember(MemoryStream output, string headerName, byte[] content)
    {
        // name(16) mtime(12) uid(6) gid(6) mode(8) size(10) terminator(2), space padded.
        var header = $"{headerName,-16}{"0",-12}{"0",-6}{"0",-6}{"644",-8}{content.Length,-10}`\n";
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(content);
        if (content.Length % 2 != 0)
        {
            output.WriteByte((byte)'\n');
        }
    }
}
