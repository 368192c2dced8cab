namespace Aya.Bpf.Linker.Btf;

/// <summary>enum bpf_core_relo_kind: what libbpf computes against the kernel's BTF for one instruction.</summary>
internal enum BtfCoreRelocationKind : uint
{
    FieldByteOffset = 0,
    FieldByteSize = 1,
    FieldExists = 2,
    FieldSigned = 3,
    FieldLeftShift = 4,
    FieldRightShift = 5,
    TypeIdLocal = 6,
    TypeIdTarget = 7,
    TypeExists = 8,
    TypeSize = 9,
    EnumValueExists = 10,
    EnumValue = 11,
    TypeMatches = 12,
}

/// <summary>
/// One struct bpf_core_relo: the instruction (byte offset in its section), the local BTF type the access
/// starts from, the access string (<c>0:2</c>: the first object, its member 2) and the kind. The access
/// string is null when its offset is outside the string section.
/// </summary>
internal sealed record BtfCoreRelocation(uint InstructionOffset, uint TypeId, string? AccessString, BtfCoreRelocationKind Kind);
