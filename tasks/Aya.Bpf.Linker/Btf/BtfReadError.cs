namespace Aya.Bpf.Linker.Btf;

/// <summary>Why a BTF or BTF.ext blob could not be parsed, and the byte offset in the blob where that showed.</summary>
internal sealed record BtfReadError(long ByteOffset, string Message)
{
    public override string ToString() => $"at byte {ByteOffset}: {Message}";
}
