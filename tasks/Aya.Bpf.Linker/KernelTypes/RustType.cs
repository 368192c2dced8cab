namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>A Rust type as a member or alias names it, with the size and alignment rustc gives it on a 64-bit target.</summary>
internal sealed record RustType(string Text, ulong Size, ulong Align)
{
    public static readonly RustType Opaque = new("core::ffi::c_void", 0, 1);

    public static RustType Bytes(ulong size) => new($"[u8; {size}]", size, 1);
}
