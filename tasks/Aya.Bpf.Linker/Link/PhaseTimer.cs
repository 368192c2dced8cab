using System.Diagnostics;

namespace Aya.Bpf.Linker.Link;

/// <summary>Measures the pipeline's phases for the build log.</summary>
internal sealed class PhaseTimer
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    public T Time<T>(string phase, Func<T> work)
    {
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

    public override string ToString() =>
        string.Join(", ", _phases.Select(p => $"{p.Phase} {p.Elapsed.TotalMilliseconds:0} ms"));
}
