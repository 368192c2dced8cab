namespace Aya.Bpf.Tasks.Toolchain;

/// <summary>The facts of <c>rustc -vV</c> that the build needs.</summary>
internal sealed record RustcVersion(string Release, string LlvmVersion, string HostTriple)
{
    /// <summary>Reads the <c>key: value</c> lines of <c>rustc -vV</c>; a missing key reads as empty.</summary>
    public static RustcVersion Parse(string verboseVersion)
    {
        var fields = verboseVersion
            .Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1].Trim(), StringComparer.Ordinal);
        return new RustcVersion(
            fields.GetValueOrDefault("release", ""),
            fields.GetValueOrDefault("LLVM version", ""),
            fields.GetValueOrDefault("host", ""));
    }
}
