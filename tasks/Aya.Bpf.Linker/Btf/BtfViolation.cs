namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// One thing the kernel would refuse. <see cref="Message"/> reads like the kernel's BTF log line for
/// the same problem; header problems have type id 0 and kind <see cref="BtfKind.Unknown"/>.
/// </summary>
internal sealed record BtfViolation(int TypeId, BtfKind Kind, string TypeName, string? MemberName, string Message)
{
    public override string ToString() => Message;
}
