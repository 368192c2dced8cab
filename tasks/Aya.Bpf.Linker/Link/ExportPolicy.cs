namespace Aya.Bpf.Linker.Link;

/// <summary>
/// Decides which symbols stay visible in the object; everything else becomes internal so that
/// LLVM may inline it and drop what is unused.
/// </summary>
internal sealed class ExportPolicy(IEnumerable<string> listedExports)
{
    // Calls LLVM cannot expand inline stay calls to these; they must remain callable BPF functions.
    private static readonly HashSet<string> s_memoryBuiltins = ["memcpy", "memmove", "memset", "memcmp", "bcmp"];

    private readonly HashSet<string> _listed = [.. listedExports];

    public bool IsExported(string name, Llvm.GlobalKind kind, string section, Llvm.Linkage linkage)
    {
        if (_listed.Contains(name) || s_memoryBuiltins.Contains(name))
            return true;
        return kind switch
        {
            // Entry points are functions placed in a program section by the source (C or Rust).
            Llvm.GlobalKind.Function => IsProgramSection(section),
            Llvm.GlobalKind.Variable => IsLoaderSection(section) || IsUserspaceVisible(name, section, linkage),
            _ => false,
        };
    }

    /// <summary>
    /// A global data variable userspace finds by name: a Rust <c>#[no_mangle]</c> static or a C
    /// non-static global, in a section libbpf makes a global data map of (<c>.rodata</c>, <c>.data</c>,
    /// <c>.bss</c>, their <c>.name</c> forms, or none, where LLVM picks one of them). Its loader sets
    /// <c>.rodata</c> before load and reads <c>.bss</c> counters after: it keeps its symbol and
    /// section. Rust's mangled statics (<c>_ZN</c>, <c>_R</c>) and once-only definitions (rustc's
    /// <c>.debug_gdb_scripts</c> marker) are not for userspace.
    /// </summary>
    public static bool IsUserspaceVisible(string name, string section, Llvm.Linkage linkage) =>
        linkage is Llvm.Linkage.External or Llvm.Linkage.Common
        && !RustMangling.IsMangled(name)
        && (section.Length == 0 || IsGlobalDataSection(section));

    private static readonly string[] s_globalDataSections = [".rodata", ".data", ".bss"];

    private static bool IsGlobalDataSection(string section) =>
        s_globalDataSections.Any(prefix => section == prefix || section.StartsWith(prefix + ".", StringComparison.Ordinal));

    /// <summary>LLVM's own globals (llvm.used, llvm.global_ctors...) keep their special linkage.</summary>
    public static bool IsLlvmReserved(string name) => name.StartsWith("llvm.", StringComparison.Ordinal);

    public static bool IsProgramSection(string section) =>
        section.Length > 0 && section != ".text" && !section.StartsWith(".text.", StringComparison.Ordinal);

    /// <summary>Sections the loader reads by name: license, kernel version, and map definitions.</summary>
    public static bool IsLoaderSection(string section) =>
        section is "license" or "version" or "maps" or ".maps"
        || section.StartsWith("maps/", StringComparison.Ordinal)
        || section.StartsWith(".maps.", StringComparison.Ordinal);
}
