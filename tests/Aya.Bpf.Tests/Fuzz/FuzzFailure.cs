namespace Aya.Bpf.Tests.Fuzz;

/// <summary>An input a reader mishandled: what went wrong, and the input's seed to generate it again.</summary>
internal sealed class FuzzFailure(string target, string inputSeed, string problem, FuzzCase fuzzCase, byte[] input, Exception? inner = null)
    : Exception(Describe(target, inputSeed, problem, fuzzCase, input), inner)
{
    private const int ShownBytes = 256;

    public string InputSeed { get; } = inputSeed;

    private static string Describe(string target, string inputSeed, string problem, FuzzCase fuzzCase, byte[] input)
    {
        var shown = Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, ShownBytes)));
        var more = input.Length > ShownBytes ? $"... ({input.Length} bytes)" : $" ({input.Length} bytes)";
        return $"fuzz target '{target}', input seed {inputSeed}: {problem}\n" +
            $"  input: {fuzzCase}\n  bytes: {shown}{more}\n" +
            $"  replay: dotnet run --project tests/Aya.Bpf.Fuzz -c Release -- --target {target} --replay {inputSeed}";
    }
}
