namespace Aya.Bpf.Tasks.Cargo;

/// <summary>Everything that decides the <c>cargo build</c> command line and environment.</summary>
/// <param name="TargetTriple">bpfel-unknown-none or bpfeb-unknown-none, or the host's triple for a host build.</param>
/// <param name="HostBuild">
/// A build for the host target whose bitcode the link retargets to BPF: every crate is compiled with
/// <c>-C linker-plugin-lto</c>, so its objects are LLVM bitcode rather than host machine code.
/// </param>
/// <param name="UserFlags">The build's own RUSTFLAGS / CARGO_ENCODED_RUSTFLAGS, which outrank cargo's per-target flags.</param>
internal sealed record CargoInvocation(
    string ManifestPath,
    string TargetTriple,
    string Profile,
    IReadOnlyList<string> Features,
    string? BinName,
    string TargetDirectory,
    bool BuildStd,
    string LinkerShim,
    string? RustToolchain,
    bool HostBuild = false,
    UserRustFlags? UserFlags = null)
{
    private const string LinkerPluginLto = "-Clinker-plugin-lto";

    /// <summary>Aya.Bpf.Linker's HostLinkPassthrough reads it.</summary>
    internal const string HostCaptureDirectoryVariable = "AYA_BPF_CAPTURE_DIRECTORY";

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
        if (HostBuild)
        {
            // Every crate's objects become LLVM bitcode, which the link retargets to BPF. Flags the
            // user set in the environment would replace per-target ones, so they get ours added.
            if (UserFlags?.Flags is { Count: > 0 } userFlags)
                environment["CARGO_ENCODED_RUSTFLAGS"] = string.Join('\u001f', [.. userFlags, LinkerPluginLto]);
            else
                environment[$"CARGO_TARGET_{tripleVariable}_RUSTFLAGS"] = LinkerPluginLto;
            // The linker setting for the host triple reaches build scripts too; the shim hands their
            // links (outputs outside the target's folder) to the system linker.
            environment[HostCaptureDirectoryVariable] = Path.Combine(TargetDirectory, TargetTriple) + Path.DirectorySeparatorChar;
        }
        return environment;
    }

    /// <summary>CargoFeatures may be separated by semicolons (MSBuild lists), commas or spaces.</summary>
    public static IEnumerable<string> NormalizeFeatures(IEnumerable<string> features) =>
        features
            .SelectMany(item => item.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The RUSTFLAGS a build inherits: cargo takes <c>CARGO_ENCODED_RUSTFLAGS</c> (separated by 0x1f) over
/// <c>RUSTFLAGS</c> (separated by spaces) over the per-target flags the SDK sets.
/// </summary>
internal sealed record UserRustFlags(IReadOnlyList<string> Flags)
{
    public static UserRustFlags From(string? encoded, string? plain) =>
        new(!string.IsNullOrEmpty(encoded)
            ? encoded.Split('\u001f', StringSplitOptions.RemoveEmptyEntries)
            : (plain ?? "").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public static UserRustFlags FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("CARGO_ENCODED_RUSTFLAGS"), Environment.GetEnvironmentVariable("RUSTFLAGS"));
}
