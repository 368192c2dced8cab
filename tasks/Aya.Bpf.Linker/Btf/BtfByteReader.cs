using System.Buffers.Binary;

namespace Aya.Bpf.Linker.Btf;

/// <summary>Reads fixed-size integers of either byte order from a blob; callers check bounds first.</summary>
internal readonly struct BtfByteReader(ReadOnlyMemory<byte> bytes, bool bigEndian)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public bool IsBigEndian { get; } = bigEndian;

    public int Length => Bytes.Length;

    /// <summary>True when <paramref name="count"/> bytes from <paramref name="offset"/> lie inside the blob (no overflow).</summary>
    public bool Has(long offset, long count) => offset >= 0 && count >= 0 && offset <= Length && count <= Length - offset;

    public ushort U16(int offset)
    {
        var span = Bytes.Span.Slice(offset, 2);
        return IsBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public uint U32(int offset)
    {
        var span = Bytes.Span.Slice(offset, 4);
        return IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    /// <summary>
    /// Reads hdr_len, which .BTF and .BTF.ext both keep at offset 4, and checks it is at least
    /// <paramref name="minimum"/> and inside the blob.
    /// </summary>
    public bool TryReadHeaderLength(int minimum, out uint length, out BtfReadError? error)
    {
        length = 0;
        if (!Has(0, 8))
        {
            error = new BtfReadError(Length, "truncated before hdr_len");
            return false;
        }

        length = U32(4);
        if (length < minimum || !Has(0, length))
        {
            error = new BtfReadError(4, $"hdr_len {length} is outside {minimum}..{Length} (blob size)");
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Detects the byte order from a 0xEB9F magic at offset 0; false when neither order matches.</summary>
    public static bool TryDetect(ReadOnlyMemory<byte> bytes, out BtfByteReader reader)
    {
        reader = default;
        if (bytes.Length < 2)
        {
            return false;
        }

        ushort little = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Span);
        if (little == BtfHeader.ExpectedMagic)
        {
            reader = new BtfByteReader(bytes, bigEndian: false);
            return true;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(bytes.Span) == BtfHeader.ExpectedMagic)
        {
            reader = new BtfByteReader(bytes, bigEndian: true);
            return true;
        }

        return false;
    }
}
