namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Parses a <c>.BTF</c> section. Structural damage (truncation, sections outside the blob, unknown
/// kinds whose size cannot be known) is a read error; everything the kernel merely rejects (bad names,
/// overlapping sections, wrong version...) is read as is and left to <see cref="BtfValidator"/>.
/// </summary>
internal static class BtfReader
{
    public static bool TryRead(ReadOnlyMemory<byte> blob, out BtfData? btf, out BtfReadError? error)
    {
        btf = null;
        if (!BtfByteReader.TryDetect(blob, out var reader))
        {
            error = new BtfReadError(0, "no BTF magic 0xeb9f in either byte order");
            return false;
        }

        if (!TryReadHeader(reader, out var header, out error))
        {
            return false;
        }

        long dataStart = header.HeaderLength;
        if (!TrySection(reader, dataStart, header.StringOffset, header.StringLength, "string", out int stringStart, out error)
            || !TrySection(reader, dataStart, header.TypeOffset, header.TypeLength, "type", out int typeStart, out error))
        {
            return false;
        }

        var strings = new BtfStringTable(blob.Slice(stringStart, (int)header.StringLength));
        if (!BtfTypeDecoder.TryDecodeAll(reader, typeStart, (int)header.TypeLength, strings, out var types, out error))
        {
            return false;
        }

        btf = new BtfData(header, reader.IsBigEndian, blob.Length, strings, types);
        return true;
    }

    private static bool TryReadHeader(BtfByteReader reader, out BtfHeader header, out BtfReadError? error)
    {
        header = null!;
        if (!reader.TryReadHeaderLength(BtfHeader.MinimumLength, out uint headerLength, out error))
        {
            return false;
        }

        header = new BtfHeader(
            reader.U16(0), reader.Bytes.Span[2], reader.Bytes.Span[3], headerLength,
            reader.U32(8), reader.U32(12), reader.U32(16), reader.U32(20),
            !reader.Bytes.Span[BtfHeader.MinimumLength..(int)headerLength].ContainsAnyExcept((byte)0));
        error = null;
        return true;
    }

    private static bool TrySection(BtfByteReader reader, long dataStart, uint offset, uint length, string what, out int start, out BtfReadError? error)
    {
        start = (int)Math.Min(dataStart + offset, int.MaxValue);
        if (!reader.Has(dataStart + offset, length))
        {
            error = new BtfReadError(dataStart + offset, $"{what} section (offset {offset}, length {length}) runs past the end of the {reader.Length}-byte blob");
            return false;
        }

        error = null;
        return true;
    }
}
