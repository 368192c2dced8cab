using System.Globalization;
using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>The type a kernel BTF log blames: its id, kind and name, as the "[id] KIND name ..." line prints them.</summary>
internal sealed record BlamedType(int Id, string Kind, string Name);

/// <summary>Reads the kernel's BTF log: the type its last "[id] KIND name ..." line blames, and its last line.</summary>
internal static partial class KernelLogLine
{
    // What the kernel prints for an empty name.
    private const string Anonymous = "(anon)";

    public static BlamedType? Blamed(string log)
    {
        var lines = Lines(log);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var match = TypeLine().Match(lines[i]);
            if (match.Success)
            {
                var name = match.Groups[3].Value;
                return new(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, name == Anonymous ? "" : name);
            }
        }
        return null;
    }

    /// <summary>The log's last line: the kernel's reason for the refusal.</summary>
    public static string Last(string log) => Lines(log) is [.., var last] ? last : "";

    private static string[] Lines(string log) => log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A member's part follows the type's name after a tab.
    [GeneratedRegex(@"^\[(\d+)\] ([A-Z_0-9]+) ([^\t ]*)")]
    private static partial Regex TypeLine();
}
