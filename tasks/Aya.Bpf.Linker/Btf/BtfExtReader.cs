namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Parses <c>.BTF.ext</c>. Each info block is a u32 record size, then per ELF section: the section
/// name's offset in the .BTF strings, a record count and the records. Record sizes come from the blob
/// (newer producers may append fields), so records are stepped by the declared size.
/// </summary>
internal static class BtfExtReader
{
    private const uint FuncInfoMinimumSize = 8;
    private const uint LineInfoMinimumSize = 16;
    private const uint CoreReloMinimumSize = 16;

    public static bool TryRead(ReadOnlyMemory<byte> blob, BtfStringTable btfStrings, out BtfExtData? ext, out BtfReadError? error)
    {
        ext = null;
        if (!BtfByteReader.TryDetect(blob, out var reader))
        {
            error = new BtfReadError(0, "no BTF.ext magic 0xeb9f in either byte order");
            return false;
        }

        if (!TryReadHeader(reader, out var header, out error))
        {
            return false;
        }

        var funcInfo = new List<BtfExtSection<BtfFuncInfo>>();
        var lineInfo = new List<BtfExtSection<BtfLineInfo>>();
        var coreRelo = new List<BtfExtSection<BtfCoreRelocation>>();
        if (!TryReadBlock(reader, header, header.FuncInfoOffset, header.FuncInfoLength, "func_info", FuncInfoMinimumSize, btfStrings,
                (at) => new BtfFuncInfo(reader.U32(at), reader.U32(at + 4)), funcInfo, out uint funcSize, out error)
            || !TryReadBlock(reader, header, header.LineInfoOffset, header.LineInfoLength, "line_info", LineInfoMinimumSize, btfStrings,
                (at) => new BtfLineInfo(reader.U32(at), reader.U32(at + 4), reader.U32(at + 8), reader.U32(at + 12)), lineInfo, out uint lineSize, out error)
            || !TryReadBlock(reader, header, header.CoreReloOffset, header.CoreReloLength, "core_relo", CoreReloMinimumSize, btfStrings,
                (at) => new BtfCoreRelocation(reader.U32(at), reader.U32(at + 4), btfStrings.At(reader.U32(at + 8)), (BtfCoreRelocationKind)reader.U32(at + 12)),
                coreRelo, out _, out error))
        {
            return false;
        }

        ext = new BtfExtData(header, funcSize, funcInfo, lineSize, lineInfo, coreRelo);
        return true;
    }

    private static bool TryReadHeader(BtfByteReader reader, out BtfExtHeader header, out BtfReadError? error)
    {
        header = null!;
        if (!reader.TryReadHeaderLength(BtfExtHeader.MinimumLength, out uint length, out error))
        {
            return false;
        }

        bool hasCoreRelo = length >= BtfExtHeader.LengthWithCoreRelo;
        header = new BtfExtHeader(
            reader.U16(0), reader.Bytes.Span[2], reader.Bytes.Span[3], length,
            reader.U32(8), reader.U32(12), reader.U32(16), reader.U32(20),
            hasCoreRelo ? reader.U32(24) : 0, hasCoreRelo ? reader.U32(28) : 0);
        error = null;
        return true;
    }

    private static bool TryReadBlock<T>(
        BtfByteReader reader, BtfExtHeader header, uint offset, uint length, string what, uint minimumRecordSize,
        BtfStringTable btfStrings, Func<int, T> readRecord, List<BtfExtSection<T>> sections, out uint recordSize, out BtfReadError? error)
    {
        recordSize = 0;
        error = null;
        if (length == 0)
        {
            return true;
        }

        long start = (long)header.HeaderLength + offset;
        if (!reader.Has(start, length))
        {
            error = new BtfReadError(start, $"{what} (offset {offset}, length {length}) runs past the end of the {reader.Length}-byte blob");
            return false;
        }

        long end = start + length;
        if (length < 4)
        {
            error = new BtfReadError(start, $"{what} is too short for its record size");
            return false;
        }

        recordSize = reader.U32((int)start);
        // A record size that is not a multiple of 4 would misalign everything after it (libbpf refuses it too).
        if (recordSize < minimumRecordSize || (recordSize & 3) != 0)
        {
            error = new BtfReadError(start, $"{what} record size {recordSize} is invalid (at least {minimumRecordSize}, a multiple of 4)");
            return false;
        }

        long at = start + 4;
        // Each section consumes at least its 8-byte preamble, so the loop ends.
        while (at < end)
        {
            if (end - at < 8)
            {
                error = new BtfReadError(at, $"{what} section header is truncated");
                return false;
            }

            uint nameOffset = reader.U32((int)at);
            uint count = reader.U32((int)at + 4);
            string? name = btfStrings.At(nameOffset);
            if (name is null)
            {
                error = new BtfReadError(at, $"{what} section name offset {nameOffset} is outside the .BTF string section");
                return false;
            }

            at += 8;
            if (count == 0 || (ulong)count * recordSize > (ulong)(end - at))
            {
                error = new BtfReadError(at, $"{what} of section '{name}' declares {count} records of {recordSize} bytes, {end - at} bytes are left");
                return false;
            }

            var records = new List<T>((int)count);
            for (uint i = 0; i < count; i++, at += recordSize)
            {
                records.Add(readRecord((int)at));
            }

            sections.Add(new BtfExtSection<T>(name, records));
        }

        return true;
    }
}
