namespace Aya.Bpf.Linker.Btf;

/// <summary>One BTF type; each kind's extra data lives in a derived record.</summary>
internal abstract record BtfType(BtfTypeHeader Header)
{
    public uint Id => Header.Id;

    public BtfKind Kind => Header.Kind;

    /// <summary>The name, "" when anonymous, null when its offset is outside the string section.</summary>
    public string? Name => Header.Name;

    public bool KindFlag => Header.KindFlag;

    public int Vlen => Header.Vlen;
}

/// <summary>INT: <c>size</c> in bytes and the extra u32 (encoding, bit offset, bit count).</summary>
internal sealed record BtfIntType(BtfTypeHeader Header, uint IntData) : BtfType(Header)
{
    public const byte Signed = 1;
    public const byte Char = 2;
    public const byte Bool = 4;

    public uint Size => Header.SizeOrType;

    public byte Encoding => (byte)((IntData >> 24) & 0x0f);

    public byte BitOffset => (byte)((IntData >> 16) & 0xff);

    public byte Bits => (byte)(IntData & 0xff);
}

/// <summary>
/// Kinds whose only payload is the referred <c>type</c>: PTR, TYPEDEF, VOLATILE, CONST, RESTRICT and
/// TYPE_TAG (the tag text is its name).
/// </summary>
internal sealed record BtfReferenceType(BtfTypeHeader Header) : BtfType(Header)
{
    public uint Type => Header.SizeOrType;
}

/// <summary>FWD: a declared struct (or union, when kind_flag is set) without a body.</summary>
internal sealed record BtfFwdType(BtfTypeHeader Header) : BtfType(Header)
{
    public bool IsUnion => Header.KindFlag;
}

/// <summary>FLOAT: only a size.</summary>
internal sealed record BtfFloatType(BtfTypeHeader Header) : BtfType(Header)
{
    public uint Size => Header.SizeOrType;
}
