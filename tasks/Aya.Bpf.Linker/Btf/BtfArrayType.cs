namespace Aya.Bpf.Linker.Btf;

/// <summary>ARRAY: struct btf_array (element type, index type, element count).</summary>
internal sealed record BtfArrayType(BtfTypeHeader Header, uint ElementType, uint IndexType, uint Count) : BtfType(Header);
