using System.Diagnostics;
using CsCheck;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// Runs a target on generated inputs. A run seed gives a fixed sequence of inputs (each with its own seed,
/// printed on failure, from which <see cref="Replay"/> makes it again). The inputs run on a worker thread
/// that a watchdog abandons when one input runs past <see cref="HangLimit"/>: a hang fails the run
/// instead of stalling it (the stuck thread is a background thread, gone with the process).
/// </summary>
internal static class FuzzRunner
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>A new run seed, for runs outside CI.</summary>
    public static string RandomRunSeed() => new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64()).ToString();

    /// <summary>Checks <paramref name="count"/> inputs; throws <see cref="FuzzFailure"/> at the first the reader mishandles.</summary>
    public static FuzzReport Run(FuzzTarget target, string runSeed, int count)
    {
        var master = PCG.Parse(runSeed);
        var cases = MutationGen.Cases(target.Seeds.Count);
        var progress = new Progress();
        var accepted = 0;
        long maxAllocated = 0;
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        FuzzFailure? failure = null;
        var started = Stopwatch.GetTimestamp();
        var worker = new Thread(() =>
        {
            for (var i = 0; i < count && failure is null; i++)
            {
                var inputPcg = new PCG(master.Next(), master.Next64());
                var inputSeed = inputPcg.ToString();
                var fuzzCase = cases.Generate(inputPcg, null, out _);
                var input = fuzzCase.Build(target.Seeds);
                progress.Begin(inputSeed, fuzzCase, input);
                var (verdict, problem, thrown) = FuzzProperty.Check(target, input);
                progress.End();
                if (verdict is null)
                {
                    failure = new FuzzFailure(target.Name, inputSeed, problem!, fuzzCase, input, thrown);
                    break;
                }

                accepted += verdict.Accepted ? 1 : 0;
                maxAllocated = Math.Max(maxAllocated, verdict.AllocatedBytes);
                foreach (var code in verdict.ErrorCodes.Distinct())
                    codes[code] = codes.GetValueOrDefault(code) + 1;
            }
        })
        { IsBackground = true, Name = $"fuzz {target.Name}" };
        worker.Start();
        while (!worker.Join(PollInterval))
        {
            if (progress.Stuck(HangLimit) is { } stuck)
                throw new FuzzFailure(target.Name, stuck.Seed, $"the reader did not return within {HangLimit.TotalSeconds} s (a hang)", stuck.Case, stuck.Input);
        }

        return failure is null
            ? new FuzzReport(target.Name, runSeed, count, accepted, codes, maxAllocated, Stopwatch.GetElapsedTime(started))
            : throw failure;
    }

    /// <summary>The input an input seed names, and whether the reader handles it (null) or what it did wrong.</summary>
    public static (FuzzCase Case, byte[] Input, string? Problem) Replay(FuzzTarget target, string inputSeed)
    {
        var fuzzCase = MutationGen.Cases(target.Seeds.Count).Generate(PCG.Parse(inputSeed), null, out _);
        var input = fuzzCase.Build(target.Seeds);
        return (fuzzCase, input, FuzzProperty.Check(target, input).Problem);
    }

    /// <summary>The input in progress and since when; read by the watchdog.</summary>
    private sealed class Progress
    {
        private readonly Lock gate = new();
        private (string Seed, FuzzCase Case, byte[] Input)? current;
        private long startedAt;

        public void Begin(string seed, FuzzCase fuzzCase, byte[] input)
        {
            lock (gate)
            {
                current = (seed, fuzzCase, input);
                startedAt = Stopwatch.GetTimestamp();
            }
        }

        public void End()
        {
            lock (gate)
                current = null;
        }

        public (string Seed, FuzzCase Case, byte[] Input)? Stuck(TimeSpan limit)
        {
            lock (gate)
                return current is not null && Stopwatch.GetElapsedTime(startedAt) > limit ? current : null;
        }
    }
}
