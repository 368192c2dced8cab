namespace Aya.Bpf.Tests.Fuzz;

/// <summary>The command line of the long fuzz run; null from <see cref="Parse"/> when it cannot be understood.</summary>
internal sealed record FuzzOptions(string? Target, int Count, string? Seed, string? Replay)
{
    public const int DefaultCount = 100_000;

    public static FuzzOptions? Parse(string[] args)
    {
        if (args.Length % 2 != 0)
            return null;
        FuzzOptions? options = new(null, DefaultCount, null, null);
        for (var i = 0; i < args.Length && options is not null; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--target" when FuzzTargets.Find(value) is not null => options with { Target = value },
                "--count" when int.TryParse(value, out var count) && count > 0 => options with { Count = count },
                "--seed" => options with { Seed = value },
                "--replay" => options with { Replay = value },
                _ => null,
            };
        }

        return options is { Replay: not null, Target: null } ? null : options;
    }
}
