using System.Diagnostics;
using Aya.Bpf.Tests.Fuzz;

// The long fuzz run: 10^5 inputs per reader from a random run seed (docs/fuzzing.md).
//   --target NAME     one reader only (default: all)     --count N     inputs per reader (default 100000)
//   --seed RUNSEED    repeat a run                       --replay SEED check one input again (with --target)
var options = FuzzOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Aya.Bpf.Fuzz [--target NAME] [--count N] [--seed RUNSEED] [--replay INPUTSEED]");
    Console.Error.WriteLine($"targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

var targets = options.Target is null ? FuzzTargets.All : [FuzzTargets.Find(options.Target)!];
if (options.Replay is { } inputSeed)
{
    var (fuzzCase, input, problem) = FuzzRunner.Replay(targets[0], inputSeed);
    Console.WriteLine($"{targets[0].Name} input {inputSeed}: {fuzzCase} ({input.Length} bytes)");
    Console.WriteLine($"bytes: {Convert.ToHexString(input)}");
    Console.WriteLine(problem is null ? "handled: read or refused with the reader's code" : $"FAILED: {problem}");
    return problem is null ? 0 : 1;
}

var runSeed = options.Seed ?? FuzzRunner.RandomRunSeed();
Console.WriteLine($"run seed {runSeed} ({options.Count} inputs per reader); repeat with --seed {runSeed}");
var started = Stopwatch.GetTimestamp();
var failures = 0;
foreach (var target in targets)
{
    try
    {
        Console.WriteLine(FuzzRunner.Run(target, runSeed, options.Count));
    }
    catch (FuzzFailure failure)
    {
        failures++;
        Console.WriteLine($"FAILED {failure.Message}");
    }
}

Console.WriteLine($"{targets.Count - failures} of {targets.Count} readers passed in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
// A hang leaves its input's thread running: leave without waiting for it.
Environment.Exit(failures == 0 ? 0 : 1);
return 0;
