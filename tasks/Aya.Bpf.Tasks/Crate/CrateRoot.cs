namespace Aya.Bpf.Tasks.Crate;

/// <summary>What a crate root file (a target's <c>src_path</c>) says about its need for <c>core</c>.</summary>
internal static class CrateRoot
{
    /// <summary>
    /// True when the root uses core, i.e. does not declare <c>#![no_core]</c>; false when it
    /// declares it or cannot be read (then cargo decides).
    /// </summary>
    public static bool UsesCore(string rootFile)
    {
        if (!File.Exists(rootFile))
            return false;
        return !File.ReadAllText(rootFile).Contains("#![no_core]", StringComparison.Ordinal);
    }
}
