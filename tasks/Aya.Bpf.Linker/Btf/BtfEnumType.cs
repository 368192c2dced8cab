using System.Globalization;

namespace Aya.Bpf.Linker.Btf;

/// <summary>One enumerator; ENUM values are 32-bit, ENUM64 values 64-bit (stored here as their raw bits).</summary>
internal sealed record BtfEnumValue(uint NameOffset, string? Name, ulong RawValue);

/// <summary>ENUM or ENUM64. kind_flag marks a signed enum (kernel 6.0 and later).</summary>
internal sealed record BtfEnumType(BtfTypeHeader Header, IReadOnlyList<BtfEnumValue> Values) : BtfType(Header)
{
    public uint Size => Header.SizeOrType;

    public bool IsSigned => Header.KindFlag;

    /// <summary>The value as a decimal literal, its bits read as this enum's size and signedness read them.</summary>
    public string Literal(BtfEnumValue value)
    {
        var bits = (int)Size * 8;
        var masked = bits >= 64 ? value.RawValue : value.RawValue & ((1UL << bits) - 1);
        if (!IsSigned)
            return masked.ToString(CultureInfo.InvariantCulture);
        var shift = 64 - bits;
        return ((long)(masked << shift) >> shift).ToString(CultureInfo.InvariantCulture);
    }
}
