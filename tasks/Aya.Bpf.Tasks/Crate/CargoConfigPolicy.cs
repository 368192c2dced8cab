namespace Aya.Bpf.Tasks.Crate;

/// <summary>Where cargo runs for the build, and what the log or an error says of the config it reads.</summary>
/// <param name="WorkingDirectory">cargo's working directory, which decides the config files it reads.</param>
internal sealed record ConfigDecision(string WorkingDirectory, string? Note = null, (string Code, string File, string Message)? Error = null);

/// <summary>
/// What a build does with the cargo config that eBPF crates carry for a BPF-target build (aya's
/// template: <c>[build] target</c> and <c>[unstable] build-std = ["core"]</c> in the crate's own
/// <c>.cargo/config.toml</c>). A BPF build honours it. A host build sets <c>[unstable]</c> aside:
/// a stable cargo reads it only with nightly features, which a host build's cargo runs without; a
/// nightly cargo always reads it, so cargo runs from the crate's parent folder, where the crate's
/// own config is not read. Config above the crate that asks for build-std cannot be set aside:
/// that is an error on the file.
/// </summary>
internal static class CargoConfigPolicy
{
    private const string BuildStd = "unstable.build-std";

    /// <param name="crateDirectory">The folder of the package's Cargo.toml.</param>
    /// <param name="nightlyCargo">The toolchain's cargo allows nightly features by itself (a nightly or dev toolchain).</param>
    public static ConfigDecision Decide(RustBuildPlan plan, CargoConfig config, string projectDirectory, string crateDirectory, bool nightlyCargo,
        bool hasRustSrc, string toolchain)
    {
        var unstable = config.Under("unstable");
        if (unstable.Count == 0)
            return new(projectDirectory);
        var installRustSrc = $"`rustup component add rust-src --toolchain {toolchain}`";
        if (!plan.Host)
        {
            var buildStd = config.Under(BuildStd);
            return buildStd.Count == 0 || hasRustSrc
                ? new(projectDirectory)
                : new(projectDirectory, Error: (ErrorCodes.RustSrcMissing, config.FilesSetting(BuildStd).FirstOrDefault() ?? "",
                    $"{BuildStd} (set in {Files(config, BuildStd)}) asks cargo to build {Values(buildStd)} from source, but the toolchain {toolchain} has no rust-src. " +
                    $"Install it with {installRustSrc}, or set BpfRustBuild to host (or auto) to compile for the host, which sets the setting aside."));
        }
        if (!nightlyCargo)
            return new(projectDirectory,
                $"The host build sets aside the [unstable] cargo settings of {Files(config, "unstable")} ({Settings(unstable)}): they are for a BPF-target build, " +
                "and the host build's cargo runs without nightly features, which it reads them with; core comes precompiled with the host's standard library.");

        var outside = config.FilesSetting(BuildStd).Where(file => !IsInside(file, crateDirectory)).ToList();
        if (outside.Count > 0)
            return new(projectDirectory, Error: (ErrorCodes.RustSrcMissing, outside[0],
                $"{outside[0]} sets {BuildStd} for every crate below {ConfigRoot(outside[0])}, and a nightly cargo reads it in a host build too, where the toolchain {toolchain} " +
                $"has no rust-src to build core. Put the [unstable] table in the eBPF crate's own .cargo/config.toml (a host build sets that file aside), or install rust-src ({installRustSrc})."));
        var crateFiles = config.Entries.Select(e => e.Origin).Where(origin => IsInside(origin, crateDirectory)).Distinct(StringComparer.Ordinal).ToList();
        if (crateFiles.Count == 0)
            return new(projectDirectory);
        var setAside = config.Entries.Where(e => crateFiles.Contains(e.Origin)).Select(e => e.Key).Distinct(StringComparer.Ordinal);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(crateDirectory)) ?? crateDirectory;
        return new(parent,
            $"The host build runs cargo from {parent}, so that it sets aside the crate's own cargo config {string.Join(", ", crateFiles)} ({string.Join(", ", setAside)}): " +
            "it is for a BPF-target build, and a nightly cargo would build core from source with it; core comes precompiled with the host's standard library.");
    }

    private static bool IsInside(string file, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        return Path.IsPathRooted(file) && Path.GetFullPath(file).StartsWith(root, StringComparison.Ordinal);
    }

    // A .cargo/config.toml configures the folder that holds its .cargo folder, and everything below.
    private static string ConfigRoot(string file) => Path.GetDirectoryName(Path.GetDirectoryName(file) ?? file) ?? file;

    private static string Files(CargoConfig config, string key) =>
        string.Join(", ", config.FilesSetting(key).DefaultIfEmpty(config.Under(key).FirstOrDefault()?.Origin ?? ""));

    private static string Values(IEnumerable<CargoConfigEntry> entries) => string.Join(", ", entries.Select(e => e.Value));

    private static string Settings(IEnumerable<CargoConfigEntry> entries) =>
        string.Join(", ", entries.GroupBy(e => e.Key).Select(g => $"{g.Key} = [{Values(g)}]"));
}
