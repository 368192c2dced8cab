using System.Text.RegularExpressions;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// The CPUs and features a BPF backend has, and the ones it ignored, read from the text LLVM prints:
/// its CPU "help" tables and its "'x' is not a recognized processor/feature" complaints.
/// </summary>
internal static partial class BackendChoices
{
    /// <summary>The CPUs and features the complaints say LLVM ignored.</summary>
    public static (IReadOnlyList<string> Cpus, IReadOnlyList<string> Features) Ignored(string complaints)
    {
        List<string> cpus = [], features = [];
        foreach (Match match in Complaint().Matches(complaints))
        {
            var list = match.Groups["kind"].Value == "processor" ? cpus : features;
            if (!list.Contains(match.Groups["name"].Value))
                list.Add(match.Groups["name"].Value);
        }
        return (cpus, features);
    }

    /// <summary>The names of one table ("CPUs" or "features") of LLVM's help text, in its order.</summary>
    public static IReadOnlyList<string> Table(string help, string table)
    {
        var heading = $"Available {table} for this target:";
        List<string> names = [];
        var inTable = false;
        foreach (var line in help.Split('\n'))
        {
            if (line.Trim() == heading)
                inTable = true;
            else if (inTable && TableRow().Match(line) is { Success: true } row)
                names.Add(row.Groups["name"].Value);
            else if (inTable && names.Count > 0 && line.Trim().Length == 0)
                break;
        }
        return names;
    }

    [GeneratedRegex(@"'(?<name>[^']*)' is not a recognized (?<kind>processor|feature) for this target")]
    private static partial Regex Complaint();

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z0-9_.+-]+)\s+- ")]
    private static partial Regex TableRow();
}
