using System.Text.RegularExpressions;

namespace Aya.Bpf.Tasks.Crate;

/// <summary>One setting of cargo's configuration and where it comes from.</summary>
/// <param name="Origin">A config file's path, or what cargo says instead ("environment variable `X`", "--config cli option").</param>
internal sealed record CargoConfigEntry(string Key, string Value, string Origin);

/// <summary>
/// cargo's configuration as the build's cargo sees it from the crate's folder (every
/// <c>.cargo/config.toml</c> from there up, and cargo's home), read from
/// <c>cargo -Zunstable-options config get --show-origin</c>. Used to say which file a setting
/// that matters (build-std, a linker, rustflags) comes from.
/// </summary>
internal sealed partial class CargoConfig(IReadOnlyList<CargoConfigEntry> entries)
{
    public static CargoConfig Empty { get; } = new([]);

    public IReadOnlyList<CargoConfigEntry> Entries => entries;

    /// <summary>The entries of <paramref name="key"/> and the keys below it (<c>unstable</c> holds <c>unstable.build-std</c>).</summary>
    public IReadOnlyList<CargoConfigEntry> Under(string key) =>
        [.. entries.Where(entry => entry.Key == key || entry.Key.StartsWith(key + ".", StringComparison.Ordinal))];

    /// <summary>The config files that set anything under <paramref name="key"/>.</summary>
    public IReadOnlyList<string> FilesSetting(string key) =>
        [.. Under(key).Select(entry => entry.Origin).Where(IsFile).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Parses cargo's TOML-like listing: <c>key = value # origin</c>, or for arrays
    /// <c>key = [</c>, one <c>value, # origin</c> line per element, then <c>]</c>.
    /// </summary>
    public static CargoConfig Parse(string listing)
    {
        List<CargoConfigEntry> parsed = [];
        string? arrayKey = null;
        foreach (var line in listing.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (arrayKey is not null)
            {
                if (line.Trim() == "]")
                    arrayKey = null;
                else if (ArrayElement().Match(line) is { Success: true } element)
                    parsed.Add(new CargoConfigEntry(arrayKey, element.Groups["value"].Value, element.Groups["origin"].Value));
            }
            else if (ArrayStart().Match(line) is { Success: true } start)
            {
                arrayKey = start.Groups["key"].Value;
            }
            else if (Scalar().Match(line) is { Success: true } scalar)
            {
                parsed.Add(new CargoConfigEntry(scalar.Groups["key"].Value, scalar.Groups["value"].Value, scalar.Groups["origin"].Value));
            }
        }
        return new CargoConfig(parsed);
    }

    private static bool IsFile(string origin) => Path.IsPathRooted(origin);

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.\-""']+) = \[$")]
    private static partial Regex ArrayStart();

    [GeneratedRegex(@"^\s+(?<value>.*?),?\s*#\s(?<origin>.+)$")]
    private static partial Regex ArrayElement();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.\-""']+) = (?<value>.*?)\s*#\s(?<origin>.+)$")]
    private static partial Regex Scalar();
}
