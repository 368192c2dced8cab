namespace Aya.Bpf.Tests.Inputs;

/// <summary>
/// Writes LLVM bitstream fields (LSB-first in little-endian words), just enough to build the
/// blocks the reader under test must understand. Kept independent of the linker's reader so that a
/// misunderstanding of the format is not shared by both sides.
/// </summary>
internal sealed class BitstreamWriter
{
    private const string Char6Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";

    private readonly List<byte> _bytes = [];
    private readonly Stack<(int LengthWordAt, int OuterAbbrevWidth)> _openBlocks = new();
    private ulong _pendingBits;
    private int _pendingCount;

    public int AbbrevWidth { get; private set; } = 2;

    /// <summary>Whole bytes, e.g. the magic; only at a byte boundary.</summary>
    public BitstreamWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            Fixed(value, 8);
        }

        return this;
    }

    public BitstreamWriter Fixed(ulong value, int width)
    {
        for (var i = 0; i < width; i++)
        {
            _pendingBits |= ((value >> i) & 1) << _pendingCount;
            if (++_pendingCount == 8)
            {
                _bytes.Add((byte)_pendingBits);
                _pendingBits = 0;
                _pendingCount = 0;
            }
        }

        return this;
    }

    public BitstreamWriter Vbr(ulong value, int width)
    {
        var payloadMask = (1UL << (width - 1)) - 1;
        while (value > payloadMask)
        {
            Fixed((value & payloadMask) | (payloadMask + 1), width);
            value >>= width - 1;
        }

        return Fixed(value, width);
    }

    public BitstreamWriter Char6(char value) => Fixed((ulong)Char6Alphabet.IndexOf(value, StringComparison.Ordinal), 6);

    public BitstreamWriter AlignTo32Bits()
    {
        while (_pendingCount != 0 || _bytes.Count % 4 != 0)
        {
            Fixed(0, 1);
        }

        return this;
    }

    public BitstreamWriter AbbrevId(ulong id) => Fixed(id, AbbrevWidth);

    public BitstreamWriter EnterBlock(ulong blockId, int abbrevWidth)
    {
        AbbrevId(1).Vbr(blockId, 8).Vbr((ulong)abbrevWidth, 4).AlignTo32Bits();
        _openBlocks.Push((_bytes.Count, AbbrevWidth));
        Fixed(0, 32);
        AbbrevWidth = abbrevWidth;
        return this;
    }

    public BitstreamWriter EndBlock()
    {
        AbbrevId(0).AlignTo32Bits();
        var (lengthWordAt, outerWidth) = _openBlocks.Pop();
        var words = (uint)((_bytes.Count - lengthWordAt - 4) / 4);
        for (var i = 0; i < 4; i++)
        {
            _bytes[lengthWordAt + i] = (byte)(words >> (8 * i));
        }

        AbbrevWidth = outerWidth;
        return this;
    }

    /// <summary>DEFINE_ABBREV; the block's first definition gets abbreviation id 4, the next 5, and so on.</summary>
    public BitstreamWriter DefineAbbrev(params ReadOnlySpan<AbbrevOperand> operands)
    {
        AbbrevId(2).Vbr((ulong)operands.Length, 5);
        foreach (var operand in operands)
        {
            if (operand.Encoding == 0)
            {
                Fixed(1, 1).Vbr(operand.Value, 8);
                continue;
            }

            Fixed(0, 1).Fixed(operand.Encoding, 3);
            if (operand.Encoding is AbbrevOperand.FixedEncoding or AbbrevOperand.VbrEncoding)
            {
                Vbr(operand.Value, 5);
            }
        }

        return this;
    }

    public BitstreamWriter UnabbreviatedRecord(ulong code, params ReadOnlySpan<ulong> operands)
    {
        AbbrevId(3).Vbr(code, 6).Vbr((ulong)operands.Length, 6);
        foreach (var operand in operands)
        {
            Vbr(operand, 6);
        }

        return this;
    }

    /// <summary>The bytes so far; call after the outermost block is closed (the stream is word aligned then).</summary>
    public byte[] ToArray() => [.. _bytes];

    /// <summary>An abbreviation operand: a literal (encoding 0) or an encoding with its width.</summary>
    internal readonly record struct AbbrevOperand(ulong Encoding, ulong Value)
    {
        public const ulong FixedEncoding = 1;
        public const ulong VbrEncoding = 2;

        public static AbbrevOperand Literal(ulong value) => new(0, value);

        public static AbbrevOperand FixedWidth(int width) => new(FixedEncoding, (ulong)width);

        public static AbbrevOperand VbrWidth(int width) => new(VbrEncoding, (ulong)width);

        public static AbbrevOperand Array() => new(3, 0);

        public static AbbrevOperand Char6() => new(4, 0);

        public static AbbrevOperand Blob() => new(5, 0);
    }
}
