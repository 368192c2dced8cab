namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Reads which LLVM wrote a bitcode file, without LLVM: the IDENTIFICATION_BLOCK that LLVM (since
/// 3.8) writes first. Knowing the producer lets the linker pick or refuse a reader before LLVM
/// fails on it with a less helpful message.
/// </summary>
internal static class BitcodeProducer
{
    private const ulong IdentificationBlockId = 13;
    private const ulong StringRecordCode = 1;
    private const ulong EpochRecordCode = 2;

    // A genuine identification block holds two abbreviations and two records.
    private const int MaxEntries = 1024;

    /// <summary>The producer string (e.g. "LLVM22.1.2-rust-1.95.0-stable"), or null if absent or unreadable.</summary>
    public static string? TryRead(ReadOnlySpan<byte> bitcode) => TryReadIdentification(bitcode)?.Producer;

    /// <summary>The version in a producer string ("LLVM22.1.2-rust-..." gives 22.1.2), or null for another form.</summary>
    public static Version? TryParseLlvmVersion(string producer)
    {
        if (!producer.StartsWith("LLVM", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = producer.AsSpan(4).TrimStart(' ');
        var numberEnd = rest.IndexOfAnyExcept("0123456789.");
        var number = (numberEnd < 0 ? rest : rest[..numberEnd]).TrimEnd('.');
        return Version.TryParse(number, out var version) ? version : null;
    }

    public static BitcodeIdentification? TryReadIdentification(ReadOnlySpan<byte> bitcode)
    {
        if (bitcode.StartsWith(BitcodeWrapper.Magic))
        {
            if (!BitcodeWrapper.TryLocate(bitcode, out var wrapped, out _))
            {
                return null;
            }

            bitcode = bitcode[wrapped];
        }

        if (!bitcode.StartsWith(RawBitcode.Magic))
        {
            return null;
        }

        var cursor = new BitstreamCursor(bitcode);
        cursor.SkipBits(RawBitcode.Magic.Length * 8);
        if (cursor.ReadFixed(RawBitcode.TopLevelAbbrevWidth) != BitstreamAbbrevId.EnterSubblock
            || !cursor.TryReadBlockHeader(out var header)
            || header.BlockId != IdentificationBlockId
            || header.ContentEnd > bitcode.Length)
        {
            return null;
        }

        // A cursor over the block alone: nothing in it can read beyond the block.
        var block = new BitstreamCursor(bitcode.Slice((int)header.ContentStart, (int)header.ContentLength));
        return ReadBlock(ref block, header.AbbrevWidth);
    }

    private static BitcodeIdentification? ReadBlock(ref BitstreamCursor cursor, int abbrevWidth)
    {
        var abbrevs = new List<BitstreamAbbrevOp[]>();
        var values = new List<ulong>();
        string? producer = null;
        ulong? epoch = null;
        for (var entry = 0; entry < MaxEntries && !cursor.AtEnd; entry++)
        {
            var id = cursor.ReadFixed(abbrevWidth);
            values.Clear();
            switch (id)
            {
                case BitstreamAbbrevId.EndBlock:
                    return string.IsNullOrEmpty(producer) || cursor.Failed ? null : new BitcodeIdentification(producer, epoch);
                case BitstreamAbbrevId.EnterSubblock:
                    if (!SkipSubblock(ref cursor))
                    {
                        return null;
                    }

                    continue;
                case BitstreamAbbrevId.DefineAbbrev:
                    var abbrev = BitstreamRecordReader.TryReadAbbrevDefinition(ref cursor);
                    if (abbrev is null)
                    {
                        return null;
                    }

                    abbrevs.Add(abbrev);
                    continue;
                case BitstreamAbbrevId.UnabbreviatedRecord:
                    if (!BitstreamRecordReader.TryReadUnabbreviated(ref cursor, values))
                    {
                        return null;
                    }

                    break;
                default:
                    var index = id - BitstreamAbbrevId.FirstDefined;
                    if (cursor.Failed || index >= (ulong)abbrevs.Count
                        || !BitstreamRecordReader.TryReadAbbreviated(ref cursor, abbrevs[(int)index], values))
                    {
                        return null;
                    }

                    break;
            }

            switch (values[0])
            {
                case StringRecordCode:
                    producer = DecodeString(values);
                    break;
                case EpochRecordCode when values.Count > 1:
                    epoch = values[1];
                    break;
            }
        }

        // No END_BLOCK within the block: corrupt.
        return null;
    }

    private static bool SkipSubblock(ref BitstreamCursor cursor)
    {
        if (!cursor.TryReadBlockHeader(out var inner))
        {
            return false;
        }

        cursor.SkipBits(inner.ContentLength * 8);
        return !cursor.Failed;
    }

    private static string? DecodeString(List<ulong> values)
    {
        var chars = new char[values.Count - 1];
        for (var i = 1; i < values.Count; i++)
        {
            // Producer strings are ASCII; anything beyond a byte is not a string record.
            if (values[i] > 0xFF)
            {
                return null;
            }

            chars[i - 1] = (char)values[i];
        }

        return new string(chars);
    }
}
