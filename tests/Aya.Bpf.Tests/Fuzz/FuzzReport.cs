namespace Aya.Bpf.Tests.Fuzz;

/// <summary>What one run of a target did: inputs tried, accepted and refused, the codes refusals carried.</summary>
internal sealed record FuzzReport(string Target, string RunSeed, int Inputs, int Accepted, IReadOnlyDictionary<string, int> Codes, long MaxAllocatedBytes, TimeSpan Elapsed)
{
    public int Refused => Inputs - Accepted;

    public override string ToString()
    {
        var codes = string.Join(", ", Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} x{c.Value}"));
        return $"{Target}: {Inputs} inputs in {Elapsed.TotalSeconds:F1} s (run seed {RunSeed}): {Accepted} accepted, {Refused} refused [{codes}], " +
            $"at most {MaxAllocatedBytes / 1024} KiB allocated for one input";
    }
}
