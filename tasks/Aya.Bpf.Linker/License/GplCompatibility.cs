namespace Aya.Bpf.Linker.License;

/// <summary>The licenses the kernel counts as GPL-compatible: these exact strings, nothing else.</summary>
internal static class GplCompatibility
{
    private static readonly HashSet<string> s_compatible = new(StringComparer.Ordinal)
    {
        "GPL",
        "GPL v2",
        "GPL and additional rights",
        "Dual BSD/GPL",
        "Dual MIT/GPL",
        "Dual MPL/GPL",
    };

    public static IReadOnlyCollection<string> Licenses => s_compatible;

    public static bool IsCompatible(string? license) => license is not null && s_compatible.Contains(license);
}
