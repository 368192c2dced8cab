namespace Aya.Bpf.Linker.Link;

/// <summary>
/// Tells a symbol rustc mangled from one a user named (#[no_mangle], export_name, C). Both schemes
/// give names that are valid identifiers, so the prefix is what tells them apart.
/// </summary>
internal static class RustMangling
{
    /// <summary>Legacy (<c>_ZN...</c>) and v0 (<c>_R</c>, then a version digit or a path tag such as <c>N</c>) mangling.</summary>
    public static bool IsMangled(string name) =>
        name.StartsWith("_ZN", StringComparison.Ordinal)
        || (name.Length > 2 && name.StartsWith("_R", StringComparison.Ordinal) && (char.IsAsciiLetterUpper(name[2]) || char.IsAsciiDigit(name[2])));
}
