using System.Text.RegularExpressions;

namespace Aya.Bpf.Linker.SourcePaths;

/// <summary>
/// cargo hashes the path of a crate that lives outside the workspace into the crate's identity, and
/// rustc puts that hash in linkage names and codegen-unit names, so two checkouts would give other
/// DWARF strings. Debug info needs neither hash. A legacy hash has a fixed width and is zeroed. A v0
/// disambiguator is a base-62 number whose width varies with its value (10 or 11 digits for the same
/// crate in two checkouts), and v0's back-references are byte offsets into the name, so no width can
/// be fixed without re-encoding the name: such a linkage name is dropped (BTF never uses it, and the
/// subprogram keeps its Rust name).
/// </summary>
internal static partial class CrateHashes
{
    /// <summary>A linkage name without crate hashes: its legacy hash (<c>17h…E</c>) zeroed, or empty for a v0 name with a disambiguator (<c>Cs…_</c>).</summary>
    public static string ZeroInSymbol(string name)
    {
        if (name.StartsWith("_R", StringComparison.Ordinal))
            return V0CrateDisambiguator().IsMatch(name) ? "" : name;
        return name.StartsWith("_ZN", StringComparison.Ordinal) ? LegacyHash().Replace(name, "17h0000000000000000E") : name;
    }

    /// <summary>A compile unit name such as <c>src/lib.rs/@/aya_ebpf.425c8a705390c93e-cgu.0</c> with its hash zeroed.</summary>
    public static string ZeroInUnitName(string name) => CodegenUnitHash().Replace(name, ".0000000000000000-cgu.");

    // v0: a crate root is C, an optional s<base-62>_ disambiguator, then the crate name's decimal length.
    [GeneratedRegex("Cs([0-9A-Za-z]+)_(?=[0-9])")]
    private static partial Regex V0CrateDisambiguator();

    [GeneratedRegex("17h[0-9a-f]{16}E$")]
    private static partial Regex LegacyHash();

    // rustc prints the unit's hash in hex without leading zeros: 1 to 16 digits.
    [GeneratedRegex(@"\.[0-9a-f]{1,16}-cgu\.(?=[0-9]+$)")]
    private static partial Regex CodegenUnitHash();
}
