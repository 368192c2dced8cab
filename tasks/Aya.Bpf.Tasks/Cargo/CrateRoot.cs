namespace Aya.Bpf.Tasks.Cargo;

/// <summary>What the crate's root file says about its need for <c>core</c>.</summary>
internal static class CrateRoot
{
    /// <summary>
    /// True when the default bin root (src/main.rs) uses core, i.e. does not declare
    /// <c>#![no_core]</c>; false when it declares it or cannot be read (then cargo decides).
    /// </summary>
    public static bool UsesCore(string manifestPath)
    {
        var root = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, "src", "main.rs");
        if (!File.Exists(root))
            return false;
        var text = File.ReadAllText(root);
        return !text.Contains("#![no_core]", StringComparison.Ordinal);
    }
}
