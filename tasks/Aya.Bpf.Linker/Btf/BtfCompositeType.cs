namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// One struct btf_member. With the owner's kind_flag the offset word holds a bitfield size in its top
/// 8 bits and the bit offset in the low 24; without it the word is the bit offset.
/// </summary>
internal sealed record BtfMember(uint NameOffset, string? Name, uint Type, uint OffsetWord, bool KindFlag)
{
    public uint BitOffset => KindFlag ? OffsetWord & 0x00ff_ffff : OffsetWord;

    public uint BitfieldSize => KindFlag ? OffsetWord >> 24 : 0;
}

/// <summary>STRUCT or UNION: a size and its members.</summary>
internal sealed record BtfCompositeType(BtfTypeHeader Header, IReadOnlyList<BtfMember> Members) : BtfType(Header)
{
    public uint Size => Header.SizeOrType;

    public bool IsUnion => Kind == BtfKind.Union;
}
