namespace Aya.Bpf.Tasks.Cargo;

/// <summary>Everything that decides the <c>cargo build</c> command line and environment.</summary>
internal sealed record CargoInvocation(
    string ManifestPath,
    string Target,
    string Profile,
    IReadOnlyList<string> Features,
    string? BinName,
    string TargetDirectory,
    bool BuildStd,
    string LinkerShim,
    string? RustToolchain)
{
    public string TargetTriple => $"{Target}-unknown-none";

    public IReadOnlyList<string> Arguments()
    {
        // Plain json: the diagnostics' rendered text comes without ANSI colour codes.
        List<string> arguments = ["build", "--message-format=json", "--manifest-path", ManifestPath,
            "--target", TargetTriple, "--profile", Profile, "--target-dir", TargetDirectory];
        var features = string.Join(',', NormalizeFeatures(Features));
        if (features.Length > 0)
            arguments.AddRange(["--features", features]);
        if (!string.IsNullOrEmpty(BinName))
            arguments.AddRange(["--bin", BinName]);
        if (BuildStd)
            arguments.AddRange(["-Z", "build-std=core"]);
        return arguments;
    }

    public IReadOnlyDictionary<string, string> Environment()
    {
        var tripleVariable = TargetTriple.ToUpperInvariant().Replace('-', '_');
        var profileVariable = Profile.ToUpperInvariant().Replace('-', '_');
        Dictionary<string, string> environment = new(StringComparer.Ordinal)
        {
            // The bpf targets need unstable features (no_core crates, build-std) on any channel.
            ["RUSTC_BOOTSTRAP"] = "1",
            // BTF is made from debug info, so every profile keeps it.
            [$"CARGO_PROFILE_{profileVariable}_DEBUG"] = "2",
            // rustc "links" through the shim, which records the link for BpfLink.
            [$"CARGO_TARGET_{tripleVariable}_LINKER"] = LinkerShim,
            ["CARGO_TERM_COLOR"] = "never",
        };
        if (!string.IsNullOrEmpty(RustToolchain))
            environment["RUSTUP_TOOLCHAIN"] = RustToolchain;
        return environment;
    }

    /// <summary>CargoFeatures may be separated by semicolons (MSBuild lists), commas or spaces.</summary>
    public static IEnumerable<string> NormalizeFeatures(IEnumerable<string> features) =>
        features
            .SelectMany(item => item.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
}
