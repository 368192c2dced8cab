namespace Aya.Bpf.Linker.Inputs;

/// <summary>Recognises LLVM's textual IR (.ll) by its first statement.</summary>
internal static class TextIr
{
    // Enough for any sane leading comment block; IR whose first statement lies further is unusual.
    private const int ScanLimit = 64 * 1024;

    private static ReadOnlySpan<byte> ModuleIdComment => "; ModuleID"u8;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    // Statements that can open a module. Sigils are checked apart: they need a name after them.
    private static readonly byte[][] OpeningKeywords =
    [
        "source_filename"u8.ToArray(),
        "target "u8.ToArray(),
        "define "u8.ToArray(),
        "declare "u8.ToArray(),
        "attributes "u8.ToArray(),
        "module asm"u8.ToArray(),
    ];

    public static bool LooksLikeTextIr(ReadOnlySpan<byte> head)
    {
        var text = head[..Math.Min(head.Length, ScanLimit)];
        // Binary formats hold NUL bytes early; text IR never does.
        if (text.Contains((byte)0))
        {
            return false;
        }

        if (text.StartsWith(Utf8ByteOrderMark))
        {
            text = text[Utf8ByteOrderMark.Length..];
        }

        while (true)
        {
            text = text.TrimStart(" \t\r\n"u8);
            if (text.IsEmpty)
            {
                return false;
            }

            if (text[0] != (byte)';')
            {
                return StartsWithStatement(text);
            }

            if (text.StartsWith(ModuleIdComment))
            {
                return true;
            }

            var lineEnd = text.IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return false;
            }

            text = text[(lineEnd + 1)..];
        }
    }

    private static bool StartsWithStatement(ReadOnlySpan<byte> text)
    {
        foreach (var keyword in OpeningKeywords)
        {
            if (text.StartsWith(keyword))
            {
                return true;
            }
        }

        // @global, %type, !metadata, $comdat: a sigil directly followed by a name or number.
        return text.Length >= 2 && text[0] is (byte)'@' or (byte)'%' or (byte)'!' or (byte)'$' && IsNameStart(text[1]);
    }

    private static bool IsNameStart(byte value) =>
        char.IsAsciiLetterOrDigit((char)value) || value is (byte)'_' or (byte)'.' or (byte)'-' or (byte)'$' or (byte)'"';
}
