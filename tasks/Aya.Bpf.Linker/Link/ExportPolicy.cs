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

    public bool IsExported(string name, Llvm.GlobalKind kind, string section)
    {
        if (_listed.Contains(name) || s_memoryBuiltins.Contains(name))
            return true;
        return kind switch
        {
            // Entry points are functions placed in a program section by the source (C or Rust).
            Llvm.GlobalKind.Function => IsProgramSection(section),
            Llvm.GlobalKind.Variable => IsLoaderSection(section),
            _ => false,
        };
    }

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
