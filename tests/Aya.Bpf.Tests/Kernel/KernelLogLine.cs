using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>Reads which type the kernel's BTF log blames: its last "[id] KIND name ..." line.</summary>
internal static partial class KernelLogLine
{
    public static int? BlamedTypeId(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var match = TypeLine().Match(lines[i]);
            if (match.Success)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }

    [GeneratedRegex(@"^\[(\d+)\] [A-Z_0-9]+ ")]
    private static partial Regex TypeLine();
}
