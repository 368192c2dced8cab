using System.Diagnostics;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// Measures the pipeline's phases for the build log. The slow ones say when they start, so a long
/// optimisation is not a silent build; <see cref="Summary"/> says how long each took.
/// </summary>
internal sealed class PhaseTimer(Action<string> progress)
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    /// <summary>A phase that takes milliseconds: measured, reported with the rest at the end.</summary>
    public T Time<T>(string phase, Func<T> work) => Time(phase, work, announce: false);

    /// <summary>A phase that can take seconds (optimising a large module): announced as it starts; its time is in <see cref="Summary"/>.</summary>
    public T TimeAnnounced<T>(string phase, Func<T> work) => Time(phase, work, announce: true);

    public override string ToString() =>
        string.Join(", ", _phases.Select(p => $"{p.Phase} {p.Elapsed.TotalMilliseconds:0} ms"));

    /// <summary>The total and each phase's share, e.g. <c>0.4 s (link 0.1 s, optimise 0.2 s, codegen 0.1 s)</c>.</summary>
    public string Summary()
    {
        // Phases under 50 ms would all read "0.0 s": only the ones that cost something are named.
        var costly = _phases.Where(p => p.Elapsed.TotalSeconds >= 0.05).Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:0.0} s").ToList();
        var total = $"{_phases.Sum(p => p.Elapsed.TotalSeconds):0.0} s";
        return costly.Count == 0 ? total : $"{total} ({string.Join(", ", costly)})";
    }

    private T Time<T>(string phase, Func<T> work, bool announce)
    {
        if (announce)
            progress($"{phase}...");
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _phases.Add((phase, Stopwatch.GetElapsedTime(start)));
        }
    }
}
