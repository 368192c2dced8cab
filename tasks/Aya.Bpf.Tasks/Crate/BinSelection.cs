namespace Aya.Bpf.Tasks.Crate;

/// <summary>
/// Which bin targets of the package the project builds: those named by CargoBinName or
/// <c>CargoBin</c> items, or else every bin that the enabled features allow (cargo skips a bin
/// whose <c>required-features</c> are not enabled, so the project does too).
/// </summary>
internal static class BinSelection
{
    /// <param name="requested">Bin names; empty selects every buildable bin.</param>
    /// <param name="features">The features CargoFeatures enables (the package's default features are added).</param>
    /// <returns>The bins, in the package's order, or null with <paramref name="error"/> set.</returns>
    public static IReadOnlyList<CargoTarget>? Select(CargoPackage package, IReadOnlyList<string> requested, IReadOnlyList<string> features, out string? error)
    {
        error = null;
        var bins = package.Targets.Where(target => target.IsBin).ToList();
        if (bins.Count == 0)
        {
            error = $"the package {package.Name} has no bin target. An eBPF program is a bin: src/main.rs with #![no_main], " +
                "a [[bin]] section in Cargo.toml, or a file in src/bin/.";
            return null;
        }
        var enabled = EnabledFeatures(package, features);
        if (requested.Count == 0)
        {
            var buildable = bins.Where(bin => bin.RequiredFeatures.All(enabled.Contains)).ToList();
            if (buildable.Count == 0)
                error = $"every bin of the package {package.Name} needs features that are not enabled ({Describe(bins, enabled)}); add them to CargoFeatures.";
            return buildable.Count == 0 ? null : buildable;
        }

        List<CargoTarget> selected = [];
        foreach (var name in requested.Distinct(StringComparer.Ordinal))
        {
            if (bins.FirstOrDefault(bin => bin.Name == name) is not { } bin)
            {
                error = $"'{name}' is not a bin of the package {package.Name}; its bins are {string.Join(", ", bins.Select(b => b.Name))}. Set CargoBinName (or CargoBin items) to some of them, or leave it empty to build every bin.";
                return null;
            }
            if (!bin.RequiredFeatures.All(enabled.Contains))
            {
                error = $"the bin {name} needs features that are not enabled ({Describe([bin], enabled)}); add them to CargoFeatures.";
                return null;
            }
            selected.Add(bin);
        }
        return [.. bins.Where(selected.Contains)];
    }

    /// <summary>The requested features, the package's default ones, and what they enable in turn.</summary>
    internal static HashSet<string> EnabledFeatures(CargoPackage package, IReadOnlyList<string> features)
    {
        HashSet<string> enabled = new(StringComparer.Ordinal);
        Queue<string> pending = new(features.Append("default"));
        while (pending.TryDequeue(out var feature))
        {
            // "dep:x" enables a dependency and "x/y" a dependency's feature; a bare name that is a
            // feature of the package enables what that feature lists.
            if (feature.StartsWith("dep:", StringComparison.Ordinal) || feature.Contains('/') || !enabled.Add(feature))
                continue;
            foreach (var implied in package.Features.GetValueOrDefault(feature) ?? [])
                pending.Enqueue(implied);
        }
        return enabled;
    }

    private static string Describe(IEnumerable<CargoTarget> bins, HashSet<string> enabled) =>
        string.Join("; ", bins.Select(bin => $"{bin.Name} needs {string.Join(", ", bin.RequiredFeatures.Where(f => !enabled.Contains(f)))}"));
}
