namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>One item of a Rust struct or union, in order: a member, or bytes that stand for padding or bitfields.</summary>
internal sealed record RustLayoutItem(string Name, RustType Type, uint Offset, bool IsMember, string? Comment = null);

/// <summary>
/// How a BTF struct or union is written in Rust so that rustc lays it out exactly as BTF says:
/// explicit padding where BTF has a gap, bitfields as the bytes that hold them, and <c>packed</c>
/// when a member sits below its Rust alignment. <see cref="AsBytes"/> is the last resort, a layout
/// Rust cannot express member by member.
/// </summary>
internal sealed record RustLayout(bool IsUnion, bool Packed, ulong Size, ulong Align, IReadOnlyList<RustLayoutItem> Items, string? AsBytes = null)
{
    public RustType TypeNamed(string name) => new(name, Size, Align);
}
