namespace Aya.Bpf.Linker.Btf;

/// <summary>How libbpf groups the CO-RE relocation kinds, and the names its log gives them.</summary>
internal static class BtfCoreRelocationKinds
{
    public static bool IsKnown(BtfCoreRelocationKind kind) => kind <= BtfCoreRelocationKind.TypeMatches;

    /// <summary>Kinds about a field reached along the access string: offset, size, existence, signedness, bitfield shifts.</summary>
    public static bool IsFieldBased(BtfCoreRelocationKind kind) => kind <= BtfCoreRelocationKind.FieldRightShift;

    /// <summary>Kinds about the root type as a whole; their access string is always "0".</summary>
    public static bool IsTypeBased(BtfCoreRelocationKind kind) =>
        kind is >= BtfCoreRelocationKind.TypeIdLocal and <= BtfCoreRelocationKind.TypeSize or BtfCoreRelocationKind.TypeMatches;

    /// <summary>Kinds about one enumerator; the access string is its index.</summary>
    public static bool IsEnumValueBased(BtfCoreRelocationKind kind) =>
        kind is BtfCoreRelocationKind.EnumValueExists or BtfCoreRelocationKind.EnumValue;

    public static string Name(BtfCoreRelocationKind kind) => kind switch
    {
        BtfCoreRelocationKind.FieldByteOffset => "byte_off",
        BtfCoreRelocationKind.FieldByteSize => "byte_sz",
        BtfCoreRelocationKind.FieldExists => "field_exists",
        BtfCoreRelocationKind.FieldSigned => "signed",
        BtfCoreRelocationKind.FieldLeftShift => "lshift_u64",
        BtfCoreRelocationKind.FieldRightShift => "rshift_u64",
        BtfCoreRelocationKind.TypeIdLocal => "local_type_id",
        BtfCoreRelocationKind.TypeIdTarget => "target_type_id",
        BtfCoreRelocationKind.TypeExists => "type_exists",
        BtfCoreRelocationKind.TypeSize => "type_size",
        BtfCoreRelocationKind.EnumValueExists => "enumval_exists",
        BtfCoreRelocationKind.EnumValue => "enumval_value",
        BtfCoreRelocationKind.TypeMatches => "type_matches",
        _ => "unknown",
    };
}
