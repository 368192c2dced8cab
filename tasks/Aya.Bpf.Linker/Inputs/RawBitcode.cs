namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Checks the outer shape of a raw bitcode stream before LLVM sees it, so that a truncated file is
/// reported as such (with its name) instead of as an obscure LLVM reader error.
/// </summary>
internal static class RawBitcode
{
    // The magic, one block header (two words) and its END_BLOCK word: nothing smaller is a module.
    public const int MinimumLength = 16;

    public static ReadOnlySpan<byte> Magic => [(byte)'B', (byte)'C', 0xC0, 0xDE];

    // The abbreviation width of a bitstream's top level.
    public const int TopLevelAbbrevWidth = 2;

    // LLVM stops looking for more modules this close to the end (tools pad bitcode files).
    private const int IgnoredTailLength = 8;

    /// <summary>Returns what is wrong with the stream (a phrase about it), or null if its shape is sound.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Magic))
        {
            return "does not start with the bitcode magic 'BC' 0xC0DE";
        }

        if (data.Length < MinimumLength)
        {
            return $"is only {data.Length} bytes long, too short for a bitcode module (it was cut short)";
        }

        if (data.Length % 4 != 0)
        {
            return $"is {data.Length} bytes long, not a whole number of 32-bit words as bitcode always is (it was cut short)";
        }

        var cursor = new BitstreamCursor(data);
        cursor.SkipBits(Magic.Length * 8);
        while (cursor.RemainingBits > IgnoredTailLength * 8)
        {
            var blockStart = cursor.BitPosition / 8;
            // Top-level content other than blocks is LLVM's to judge; only truncation is checked here.
            if (cursor.ReadFixed(TopLevelAbbrevWidth) != BitstreamAbbrevId.EnterSubblock)
            {
                return null;
            }

            if (!cursor.TryReadBlockHeader(out var header))
            {
                return $"is truncated or corrupt: the block header at byte {blockStart} is unreadable";
            }

            if (header.ContentEnd > data.Length)
            {
                return $"is truncated: the block at byte {blockStart} needs {header.ContentEnd} bytes, but there are only {data.Length}";
            }

            cursor.SkipBits(header.ContentLength * 8);
        }

        return null;
    }
}
