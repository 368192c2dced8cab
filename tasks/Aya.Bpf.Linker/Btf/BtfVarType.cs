namespace Aya.Bpf.Linker.Btf;

/// <summary>BTF_VAR_STATIC, BTF_VAR_GLOBAL_ALLOCATED, BTF_VAR_GLOBAL_EXTERN.</summary>
internal enum BtfVarLinkage : uint
{
    Static = 0,
    GlobalAllocated = 1,
    GlobalExtern = 2,
}

/// <summary>VAR: a global variable, its type and linkage (struct btf_var).</summary>
internal sealed record BtfVarType(BtfTypeHeader Header, uint Linkage) : BtfType(Header)
{
    public uint Type => Header.SizeOrType;
}

/// <summary>One struct btf_var_secinfo: a VAR placed in a data section.</summary>
internal sealed record BtfDatasecEntry(uint Type, uint Offset, uint Size);

/// <summary>DATASEC: an ELF data section (.data, .bss, .maps...) and the VARs in it.</summary>
internal sealed record BtfDatasecType(BtfTypeHeader Header, IReadOnlyList<BtfDatasecEntry> Entries) : BtfType(Header)
{
    public uint Size => Header.SizeOrType;
}

/// <summary>DECL_TAG: a tag (its name) on a type, or on one member/parameter (component_idx, -1 for the whole).</summary>
internal sealed record BtfDeclTagType(BtfTypeHeader Header, int ComponentIndex) : BtfType(Header)
{
    public uint Type => Header.SizeOrType;
}
