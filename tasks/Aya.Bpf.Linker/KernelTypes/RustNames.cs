namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>
/// C names as Rust identifiers: kernel names are kept as they are (a CO-RE relocation matches fields
/// and types by name), except that Rust keywords become raw identifiers (<c>type</c> is <c>r#type</c>)
/// and the four that cannot be raw get a trailing '_'.
/// </summary>
internal static class RustNames
{
    private static readonly HashSet<string> Keywords =
    [
        "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false", "fn", "for",
        "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
        "struct", "trait", "true", "type", "union", "unsafe", "use", "where", "while", "abstract", "become", "box",
        "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
    ];

    private static readonly HashSet<string> NeverRaw = ["self", "Self", "crate", "super", "_"];

    private static readonly HashSet<string> Primitives =
        ["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "bool", "char", "str"];

    /// <summary>A name of one of Rust's primitive types.</summary>
    public static bool IsPrimitive(string name) => Primitives.Contains(name);

    public static string Identifier(string name) =>
        NeverRaw.Contains(name) ? name + "_"
        : Keywords.Contains(name) ? "r#" + name
        : name;
}
