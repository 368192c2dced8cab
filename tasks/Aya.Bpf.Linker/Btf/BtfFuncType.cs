namespace Aya.Bpf.Linker.Btf;

/// <summary>BTF_FUNC_STATIC, BTF_FUNC_GLOBAL, BTF_FUNC_EXTERN: a FUNC's linkage, kept in its vlen.</summary>
internal enum BtfFuncLinkage
{
    Static = 0,
    Global = 1,
    Extern = 2,
}

/// <summary>FUNC: a named function whose <c>type</c> is its FUNC_PROTO.</summary>
internal sealed record BtfFuncType(BtfTypeHeader Header) : BtfType(Header)
{
    public uint Type => Header.SizeOrType;

    public BtfFuncLinkage Linkage => (BtfFuncLinkage)Header.Vlen;
}

/// <summary>One struct btf_param. Type 0 in the last position means varargs.</summary>
internal sealed record BtfParam(uint NameOffset, string? Name, uint Type);

/// <summary>FUNC_PROTO: return type (0 for void) and parameters.</summary>
internal sealed record BtfFuncProtoType(BtfTypeHeader Header, IReadOnlyList<BtfParam> Params) : BtfType(Header)
{
    public uint ReturnType => Header.SizeOrType;
}
