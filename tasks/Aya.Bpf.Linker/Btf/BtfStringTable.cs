using System.Text;

namespace Aya.Bpf.Linker.Btf;

/// <summary>The string section: NUL-terminated names addressed by byte offset; offset 0 is the empty name.</summary>
internal sealed class BtfStringTable(ReadOnlyMemory<byte> bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public int Length => Bytes.Length;

    public bool IsValidOffset(uint offset) => offset < (uint)Bytes.Length;

    /// <summary>The raw bytes of the name at <paramref name="offset"/> without its NUL; null when out of range or unterminated.</summary>
    public ReadOnlyMemory<byte>? RawAt(uint offset)
    {
        if (!IsValidOffset(offset))
        {
            return null;
        }

        var rest = Bytes[(int)offset..];
        int end = rest.Span.IndexOf((byte)0);
        return end < 0 ? null : rest[..end];
    }

    /// <summary>The name at <paramref name="offset"/>, or null when the offset does not address a terminated string.</summary>
    public string? At(uint offset) => RawAt(offset) is { } raw ? Encoding.UTF8.GetString(raw.Span) : null;
}
