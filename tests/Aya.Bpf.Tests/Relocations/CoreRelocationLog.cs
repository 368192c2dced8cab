using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>One CO-RE relocation as libbpf's debug log tells it: its spec and what libbpf did with the instruction.</summary>
internal sealed record CoreRelocationOutcome(string Program, int Number, string Kind, string Spec, string? Patched, bool Poisoned);

/// <summary>The CO-RE part of libbpf's debug log (bpftool -d): "relo #N: &lt;kind&gt; spec", then "patched insn ..." or "substituting insn ... w/ invalid insn".</summary>
internal static partial class CoreRelocationLog
{
    public static IReadOnlyList<CoreRelocationOutcome> Parse(string log)
    {
        var outcomes = new Dictionary<(string, int), CoreRelocationOutcome>();
        foreach (var line in log.Split('\n'))
        {
            if (Spec().Match(line) is { Success: true } spec)
            {
                var key = (spec.Groups["prog"].Value, int.Parse(spec.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
                outcomes.TryAdd(key, new CoreRelocationOutcome(key.Item1, key.Item2, spec.Groups["kind"].Value, spec.Groups["spec"].Value.Trim(), null, false));
            }
            else if (Outcome().Match(line) is { Success: true } outcome)
            {
                var key = (outcome.Groups["prog"].Value, int.Parse(outcome.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
                if (outcomes.TryGetValue(key, out var known))
                    outcomes[key] = outcome.Groups["what"].Value.StartsWith("patched", StringComparison.Ordinal)
                        ? known with { Patched = outcome.Groups["what"].Value }
                        : known with { Poisoned = true };
            }
        }
        return [.. outcomes.Values];
    }

    [GeneratedRegex(@"libbpf: prog '(?<prog>[^']+)': relo #(?<n>\d+): <(?<kind>[a-z_0-9]+)> (?<spec>[^(\n]+)")]
    private static partial Regex Spec();

    [GeneratedRegex(@"libbpf: prog '(?<prog>[^']+)': relo #(?<n>\d+): (?<what>(patched insn|substituting insn)[^\n]*)")]
    private static partial Regex Outcome();
}
