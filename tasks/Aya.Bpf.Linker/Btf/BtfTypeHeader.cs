namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// struct btf_type, the 12 bytes every type starts with, plus where it sits: its id (1 for the first
/// type) and its byte offset in the blob. <see cref="Name"/> is null when the name offset is invalid.
/// </summary>
internal readonly record struct BtfTypeHeader(uint Id, int ByteOffset, uint NameOffset, string? Name, uint Info, uint SizeOrType)
{
    public BtfKind Kind => (BtfKind)((Info >> 24) & 0x1f);

    public int Vlen => (int)(Info & 0xffff);

    public bool KindFlag => (Info & 0x8000_0000) != 0;
}
