namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Reads fields of an LLVM bitstream. Fields are LSB-first in little-endian 32-bit words, which is
/// the same as LSB-first in consecutive bytes. A read past the end, or of an impossible width, sets
/// <see cref="Failed"/> and yields 0, so parsers of untrusted input check once per step.
/// </summary>
internal ref struct BitstreamCursor(ReadOnlySpan<byte> data)
{
    // A VBR value wider than this is garbage (LLVM's own fields fit in 64 bits).
    private const int MaxVbrValueBits = 64;

    private readonly ReadOnlySpan<byte> _data = data;

    public long BitPosition { get; private set; }

    public bool Failed { get; private set; }

    public readonly long BitLength => (long)_data.Length * 8;

    public readonly long RemainingBits => BitLength - BitPosition;

    public readonly bool AtEnd => BitPosition >= BitLength;

    public ulong ReadFixed(int width)
    {
        if (width is < 0 or > 64 || RemainingBits < width)
        {
            Fail();
            return 0;
        }

        ulong value = 0;
        var done = 0;
        while (done < width)
        {
            var bitInByte = (int)(BitPosition & 7);
            var take = Math.Min(8 - bitInByte, width - done);
            var bits = (_data[(int)(BitPosition >> 3)] >> bitInByte) & ((1 << take) - 1);
            value |= (ulong)bits << done;
            done += take;
            BitPosition += take;
        }

        return value;
    }

    /// <summary>Reads a variable-width value: chunks of <paramref name="width"/> bits whose top bit says "more follows".</summary>
    public ulong ReadVbr(int width)
    {
        // Width 1 would carry no payload and could never end.
        if (width is < 2 or > 32)
        {
            Fail();
            return 0;
        }

        var payloadBits = width - 1;
        var continueFlag = 1UL << payloadBits;
        ulong value = 0;
        for (var shift = 0; shift < MaxVbrValueBits; shift += payloadBits)
        {
            var chunk = ReadFixed(width);
            if (Failed)
            {
                return 0;
            }

            value |= (chunk & (continueFlag - 1)) << shift;
            if ((chunk & continueFlag) == 0)
            {
                return value;
            }
        }

        Fail();
        return 0;
    }

    public void AlignTo32Bits()
    {
        var misalignment = BitPosition % 32;
        if (misalignment != 0)
        {
            SkipBits(32 - misalignment);
        }
    }

    public void SkipBits(long count)
    {
        if (count < 0 || count > RemainingBits)
        {
            Fail();
            return;
        }

        BitPosition += count;
    }

    /// <summary>
    /// Reads what follows an ENTER_SUBBLOCK abbreviation id: block id, the block's abbreviation
    /// width, then (32-bit aligned) its length in words. Leaves the cursor at the block's content.
    /// </summary>
    public bool TryReadBlockHeader(out BitstreamBlockHeader header)
    {
        var blockId = ReadVbr(8);
        var abbrevWidth = ReadVbr(4);
        AlignTo32Bits();
        var lengthInWords = ReadFixed(32);
        header = new BitstreamBlockHeader(blockId, (int)Math.Min(abbrevWidth, int.MaxValue), BitPosition / 8, (long)lengthInWords * 4);
        // LLVM rejects abbreviation widths of 0 or above 32 as well.
        return !Failed && abbrevWidth is >= 1 and <= 32;
    }

    private void Fail()
    {
        Failed = true;
        BitPosition = BitLength;
    }
}
