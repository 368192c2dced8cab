namespace Aya.Bpf.Tasks.Cargo;

/// <summary>Everything that decides the <c>cargo build</c> command line and environment.</summary>
/// <param name="TargetTriple">bpfel-unknown-none or bpfeb-unknown-none, or the host's triple for a host build.</param>
/// <param name="Package">The workspace member to build, when the manifest is the workspace's.</param>
/// <param name="Bins">The bin targets to build and link.</param>
/// <param name="BpfLinkerDirectory">A folder holding the SDK's <c>bpf-linker</c> shim, put first on PATH.</param>
/// <param name="HostBuild">
/// A build for the host target whose bitcode the link retargets to BPF: every crate is compiled with
/// <c>-C linker-plugin-lto</c>, so its objects are LLVM bitcode rather than host machine code.
/// </param>
/// <param name="RustcWrapper">A host build's rustc wrapper (the SDK's <c>rustc-wrapper</c> shim).</param>
/// <param name="KernelArch">The architecture of the kernel the program is for, aya's <c>bpf_target_arch</c> (x86_64, aarch64...).</param>
internal sealed record CargoInvocation(
    string ManifestPath,
    string TargetTriple,
    string Profile,
    IReadOnlyList<string> Features,
    string? Package,
    IReadOnlyList<string> Bins,
    string TargetDirectory,
    bool BuildStd,
    string LinkerShim,
    string BpfLinkerDirectory,
    string? RustToolchain,
    bool HostBuild = false,
    string? RustcWrapper = null,
    ProfileChecks? Checks = null,
    string? KernelArch = null)
{
    private const string LinkerPluginLto = "-Clinker-plugin-lto";

    /// <summary>Aya.Bpf.Linker's HostLinkPassthrough reads it.</summary>
    internal const string HostCaptureDirectoryVariable = "AYA_BPF_CAPTURE_DIRECTORY";

    /// <summary>Aya.Bpf.Linker's rustc wrapper reads them: the BPF cfgs it may drop, and the user's own wrapper.</summary>
    internal const string BpfCfgVariable = "AYA_BPF_HOST_CFG";

    internal const string UserRustcWrapperVariable = "AYA_BPF_USER_RUSTC_WRAPPER";

    /// <summary>
    /// What a BPF target's crates see and a host build's do not: <c>target_arch = "bpf"</c> and
    /// <c>target_os = "none"</c>. A host build adds them (rustc keeps the host's values too), so the
    /// crate graph picks its BPF code: asm, map attributes, kfunc declarations.
    /// </summary>
    internal static readonly IReadOnlyList<string> BpfCfgs = ["target_arch=\"bpf\"", "target_os=\"none\""];

    // rustc refuses a --cfg of a name it sets itself unless this lint is allowed.
    private const string AllowBuiltinCfgs = "-Aexplicit_builtin_cfgs_in_flags";

    /// <summary>
    /// aya's name for the kernel's architecture, which a BPF target cannot tell: aya-ebpf's build
    /// scripts read it from these variables, and aya-build passes it as a cfg of this name.
    /// </summary>
    private const string KernelArchCfg = "bpf_target_arch";

    /// <summary>cargo reads <c>[unstable]</c> config only with nightly features allowed; see <see cref="RemovedVariables"/>.</summary>
    private const string NightlyFeaturesVariable = "RUSTC_BOOTSTRAP";

    public IReadOnlyList<string> Arguments()
    {
        // Plain json: the diagnostics' rendered text comes without ANSI colour codes.
        List<string> arguments = ["build", "--message-format=json", "--manifest-path", ManifestPath,
            "--target", TargetTriple, "--profile", Profile, "--target-dir", TargetDirectory];
        if (!string.IsNullOrEmpty(Package))
            arguments.AddRange(["--package", Package]);
        foreach (var bin in Bins)
            arguments.AddRange(["--bin", bin]);
        var features = string.Join(',', SplitNames(Features));
        if (features.Length > 0)
            arguments.AddRange(["--features", features]);
        if (BuildStd)
            arguments.AddRange(["-Z", "build-std=core"]);
        if (HostBuild)
            // rustc gets nightly features through cargo's [env], cargo itself does not (RemovedVariables).
            arguments.AddRange(["--config", $"env.{NightlyFeaturesVariable}='1'"]);
        return arguments;
    }

    /// <param name="inherited">The build's own environment, of which PATH, RUSTFLAGS and RUSTC_WRAPPER are extended.</param>
    public IReadOnlyDictionary<string, string> Environment(Func<string, string?> inherited)
    {
        var tripleVariable = TargetTriple.ToUpperInvariant().Replace('-', '_');
        var profileVariable = Profile.ToUpperInvariant().Replace('-', '_');
        Dictionary<string, string> environment = new(StringComparer.Ordinal)
        {
            // BTF is made from debug info, so every profile keeps it.
            [$"CARGO_PROFILE_{profileVariable}_DEBUG"] = "2",
            // rustc "links" through the shim, which records the link for BpfLink.
            [$"CARGO_TARGET_{tripleVariable}_LINKER"] = LinkerShim,
            ["CARGO_TERM_COLOR"] = "never",
            // Build scripts that look for bpf-linker (aya's template has one) find the SDK's, and so
            // does a `-C linker=bpf-linker` in RUSTFLAGS or a cargo config.
            ["PATH"] = BpfLinkerDirectory + Path.PathSeparator + (inherited("PATH") ?? ""),
        };
        if (!string.IsNullOrEmpty(RustToolchain))
            environment["RUSTUP_TOOLCHAIN"] = RustToolchain;
        // The checks' panics are code the verifier refuses; a setting in the environment still wins.
        foreach (var (setting, value) in (Checks ?? ProfileChecks.Off).Settings())
        {
            var name = $"CARGO_PROFILE_{profileVariable}_{setting}";
            if (inherited(name) is null)
                environment[name] = value;
        }
        if (KernelArch is { Length: > 0 })
        {
            environment["CARGO_CFG_BPF_TARGET_ARCH"] = KernelArch;
            environment["AYA_BPF_TARGET_ARCH"] = KernelArch;
        }
        if (!HostBuild)
        {
            // The bpf targets need unstable features (no_core crates, build-std) on any channel.
            environment[NightlyFeaturesVariable] = "1";
            return environment;
        }

        // The BPF targets abort on panic, and eBPF crates rely on it (a no_std crate cannot unwind).
        environment[$"CARGO_PROFILE_{profileVariable}_PANIC"] = "abort";
        // Every crate's objects become LLVM bitcode, which the link retargets to BPF, and every
        // crate sees the BPF cfgs. Flags the user set in the environment would replace per-target
        // ones, so they get ours added.
        var userFlags = UserRustFlags.From(inherited("CARGO_ENCODED_RUSTFLAGS"), inherited("RUSTFLAGS")).Flags;
        List<string> flags = [LinkerPluginLto, .. BpfCfgs.SelectMany(cfg => (string[])["--cfg", cfg]), AllowBuiltinCfgs];
        // As aya-build compiles eBPF crates; a build script reading the host's multi-valued
        // target_arch instead would get "x86_64,bpf". The user's own value wins.
        if (KernelArch is { Length: > 0 } && !userFlags.Any(flag => flag.Contains(KernelArchCfg, StringComparison.Ordinal)))
            flags.AddRange(["--cfg", $"{KernelArchCfg}=\"{KernelArch}\""]);
        if (userFlags.Count > 0)
            environment["CARGO_ENCODED_RUSTFLAGS"] = string.Join('\u001f', [.. userFlags, .. flags]);
        else
            environment[$"CARGO_TARGET_{tripleVariable}_RUSTFLAGS"] = string.Join(' ', flags);
        // The linker setting for the host triple reaches build scripts too; the shim hands their
        // links (outputs outside the target's folder) to the system linker.
        environment[HostCaptureDirectoryVariable] = Path.Combine(TargetDirectory, TargetTriple) + Path.DirectorySeparatorChar;
        if (RustcWrapper is not null)
        {
            environment["RUSTC_WRAPPER"] = RustcWrapper;
            environment[BpfCfgVariable] = string.Join('\u001f', BpfCfgs);
            if (inherited("RUSTC_WRAPPER") is { Length: > 0 } userWrapper)
                environment[UserRustcWrapperVariable] = userWrapper;
        }
        return environment;
    }

    /// <summary>What the build's environment must not pass on to cargo.</summary>
    public IReadOnlyList<string> RemovedVariables() =>
        // Without nightly features, cargo sets aside a BPF build's [unstable] config (build-std).
        HostBuild ? [NightlyFeaturesVariable] : [];

    /// <summary>A list property (CargoFeatures, CargoBinName): names separated by semicolons, commas or spaces.</summary>
    public static IEnumerable<string> SplitNames(IEnumerable<string> names) =>
        names
            .SelectMany(item => item.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
}

/// <summary>
/// BpfDebugAssertions and BpfOverflowChecks: true or false set the cargo profile's
/// <c>debug-assertions</c> and <c>overflow-checks</c>; <c>profile</c> (null here) leaves them to it.
/// </summary>
internal sealed record ProfileChecks(bool? DebugAssertions, bool? OverflowChecks)
{
    public static ProfileChecks Off { get; } = new(false, false);

    /// <summary>Reads a property's value; false for one that is not true, false, profile or empty.</summary>
    public static bool TryParseSetting(string? value, out bool? setting)
    {
        setting = null;
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (text is "" or "profile")
            return true;
        if (text is not ("true" or "false"))
            return false;
        setting = text == "true";
        return true;
    }

    public IEnumerable<(string Setting, string Value)> Settings()
    {
        if (DebugAssertions is { } assertions)
            yield return ("DEBUG_ASSERTIONS", assertions ? "true" : "false");
        if (OverflowChecks is { } overflow)
            yield return ("OVERFLOW_CHECKS", overflow ? "true" : "false");
    }
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

    /// <summary>
    /// The linker a <c>-C linker=</c> flag names when it is not bpf-linker (the SDK's own is first on
    /// PATH): rustc would link through it, past the SDK's record of the link. Null when there is none.
    /// </summary>
    public string? ForeignLinker()
    {
        string? linker = null;
        for (var i = 0; i < Flags.Count; i++)
        {
            var flag = Flags[i];
            var codegen = flag is "-C" or "--codegen" && i + 1 < Flags.Count ? Flags[++i]
                : flag.StartsWith("-C", StringComparison.Ordinal) ? flag[2..]
                : flag.StartsWith("--codegen=", StringComparison.Ordinal) ? flag["--codegen=".Length..]
                : null;
            if (codegen?.StartsWith("linker=", StringComparison.Ordinal) == true)
                linker = codegen["linker=".Length..];
        }
        // rustc takes the last -C linker.
        return linker is null || Path.GetFileNameWithoutExtension(linker) == "bpf-linker" ? null : linker;
    }
}
