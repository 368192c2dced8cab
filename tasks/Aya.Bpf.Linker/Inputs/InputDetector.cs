namespace Aya.Bpf.Linker.Inputs;

/// <summary>Tells the kind of an input from its first bytes.</summary>
internal static class InputDetector
{
    private static ReadOnlySpan<byte> ElfMagic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    private static ReadOnlySpan<byte> ArchiveMagic => "!<arch>\n"u8;

    /// <summary>Whether the file on disk is an ar archive (an rlib or a static library), by content.</summary>
    public static bool IsArchiveFile(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].SequenceEqual(ArchiveMagic);
    }

    public static InputKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return InputKind.Empty;
        }

        if (head.StartsWith(RawBitcode.Magic))
        {
            return InputKind.RawBitcode;
        }

        if (head.StartsWith(BitcodeWrapper.Magic))
        {
            return InputKind.BitcodeWrapper;
        }

        if (head.StartsWith(ElfMagic))
        {
            return InputKind.Elf;
        }

        if (head.StartsWith(ArchiveMagic))
        {
            return InputKind.Archive;
        }

        return TextIr.LooksLikeTextIr(head) ? InputKind.TextIr : InputKind.Unknown;
    }
}
