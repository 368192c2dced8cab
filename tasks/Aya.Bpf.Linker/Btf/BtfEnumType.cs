namespace Aya.Bpf.Linker.Btf;

/// <summary>One enumerator; ENUM values are 32-bit, ENUM64 values 64-bit (stored here as their raw bits).</summary>
internal sealed record BtfEnumValue(uint NameOffset, string? Name, ulong RawValue);

/// <summary>ENUM or ENUM64. kind_flag marks a signed enum (kernel 6.0 and later).</summary>
internal sealed record BtfEnumType(BtfTypeHeader Header, IReadOnlyList<BtfEnumValue> Values) : BtfType(Header)
{
    public uint Size => Header.SizeOrType;

    public bool IsSigned => Header.KindFlag;
}
