using System.Globalization;

namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// A CO-RE access string ("0:1:2"): colon-separated indexes, at most libbpf's BPF_CORE_SPEC_MAX_LEN of
/// them, each a 32-bit int as libbpf's "%d" reads it. libbpf's sscanf would also take a sign or
/// leading blanks; LLVM writes plain digits only, and a negative index makes libbpf read outside the type,
/// so both are refused here.
/// </summary>
internal static class BtfCoreAccessString
{
    public const int MaxLength = 64;

    /// <summary>The indexes of <paramref name="access"/>, or null with the reason it does not parse.</summary>
    public static int[]? TryParse(string? access, out string? problem)
    {
        problem = access switch
        {
            null => "the access string's offset is outside the .BTF string section",
            "" => "the access string is empty",
            _ => null,
        };
        if (problem is not null)
            return null;

        var parts = access!.Split(':');
        if (parts.Length > MaxLength)
        {
            problem = $"the access string has {parts.Length} indexes, more than libbpf's {MaxLength} (E2BIG)";
            return null;
        }

        var indexes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out indexes[i]))
            {
                problem = $"the access string is not colon-separated non-negative indexes (index #{i} is '{parts[i]}')";
                return null;
            }
        }

        return indexes;
    }
}
