namespace Aya.Bpf.Linker.Btf;

/// <summary>Kind names as the kernel's BTF log prints them (<c>STRUCT</c>, <c>FUNC_PROTO</c>...).</summary>
internal static class BtfKindNames
{
    public const BtfKind Newest = BtfKind.Enum64;

    public static string Of(BtfKind kind) => kind switch
    {
        BtfKind.Int => "INT",
        BtfKind.Ptr => "PTR",
        BtfKind.Array => "ARRAY",
        BtfKind.Struct => "STRUCT",
        BtfKind.Union => "UNION",
        BtfKind.Enum => "ENUM",
        BtfKind.Fwd => "FWD",
        BtfKind.Typedef => "TYPEDEF",
        BtfKind.Volatile => "VOLATILE",
        BtfKind.Const => "CONST",
        BtfKind.Restrict => "RESTRICT",
        BtfKind.Func => "FUNC",
        BtfKind.FuncProto => "FUNC_PROTO",
        BtfKind.Var => "VAR",
        BtfKind.Datasec => "DATASEC",
        BtfKind.Float => "FLOAT",
        BtfKind.DeclTag => "DECL_TAG",
        BtfKind.TypeTag => "TYPE_TAG",
        BtfKind.Enum64 => "ENUM64",
        _ => "UNKNOWN",
    };

    /// <summary>Kinds that only refer to another type through <c>type</c> and take its size: the kernel's "modifiers".</summary>
    public static bool IsModifier(BtfKind kind) =>
        kind is BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict or BtfKind.TypeTag;
}
