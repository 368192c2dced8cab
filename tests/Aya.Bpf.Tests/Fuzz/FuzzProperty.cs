using System.Diagnostics;
using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>What a reader did with one input, when it did it properly.</summary>
internal sealed record FuzzVerdict(IReadOnlyList<string> ErrorCodes, long AllocatedBytes)
{
    public bool Accepted => ErrorCodes.Count == 0;
}

/// <summary>
/// The property every input must have: the reader returns (no exception), refuses only with errors of its
/// own documented codes, and allocates no more than <see cref="AllocationBound"/> for the input's size.
/// Hangs are the runner's to catch; a slow input (over <see cref="SlowInputLimit"/>) fails here.
/// </summary>
internal static partial class FuzzProperty
{
    public static readonly TimeSpan SlowInputLimit = TimeSpan.FromSeconds(5);

    public static long AllocationBound(int inputLength) => (64L * inputLength) + (4L << 20);

    /// <summary>The verdict, or the problem (a sentence) when the reader broke the property.</summary>
    public static (FuzzVerdict? Verdict, string? Problem, Exception? Thrown) Check(FuzzTarget target, byte[] input)
    {
        IReadOnlyList<Diagnostic> reported;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        try
        {
            reported = target.Read(input);
        }
        catch (Exception exception)
        {
            return (null, $"the reader threw {exception.GetType().Name}: {exception.Message}", exception);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > AllocationBound(input.Length))
            return (null, $"the reader allocated {allocated} bytes for a {input.Length}-byte input (bound {AllocationBound(input.Length)})", null);
        if (elapsed > SlowInputLimit)
            return (null, $"the reader took {elapsed.TotalSeconds:F1} s (limit {SlowInputLimit.TotalSeconds} s)", null);

        foreach (var diagnostic in reported)
        {
            if (!CodeShape().IsMatch(diagnostic.Code) || !target.Codes.Contains(diagnostic.Code))
                return (null, $"the reader reported {diagnostic.Code}, not one of its codes ({string.Join(", ", target.Codes)}): {diagnostic.Message}", null);
            if (string.IsNullOrWhiteSpace(diagnostic.Message))
                return (null, $"the reader reported {diagnostic.Code} without a message", null);
        }

        var errors = reported.Where(d => d.Severity == Severity.Error).Select(d => d.Code).ToList();
        return (new FuzzVerdict(errors, allocated), null, null);
    }

    [GeneratedRegex("^BPF[0-9]{4}$")]
    private static partial Regex CodeShape();
}
