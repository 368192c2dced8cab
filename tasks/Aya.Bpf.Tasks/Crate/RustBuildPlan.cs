namespace Aya.Bpf.Tasks.Crate;

/// <summary>What the decision of <see cref="RustBuildPlan.Choose"/> is based on.</summary>
/// <param name="RustBuild">BpfRustBuild: bpf, host or auto.</param>
/// <param name="BuildStd">BpfBuildStd: true, false or auto.</param>
/// <param name="RootsUsingCore">The crate roots (relative to the package) that use core, i.e. are not <c>#![no_core]</c>.</param>
/// <param name="Target">bpfel or bpfeb.</param>
internal sealed record RustBuildInputs(
    string RustBuild, string BuildStd, IReadOnlyList<string> RootsUsingCore, bool HasRustSrc, string Target, string HostTriple, string ToolchainName);

/// <summary>How cargo compiles the crate: for the BPF target (with or without core built from
/// source), or for the host with the bitcode retargeted to BPF by the link.</summary>
/// <param name="Reason">Why, for the build log: the setting and the facts that decided.</param>
internal sealed record RustBuildPlan(bool Host, bool BuildStd, string Reason)
{
    /// <summary>Decides, or returns null with a coded error whose advice leads to a build that works.</summary>
    public static RustBuildPlan? Choose(RustBuildInputs inputs, out (string Code, string Message)? error)
    {
        error = null;
        var mode = inputs.RustBuild.Trim().ToLowerInvariant();
        var buildStd = inputs.BuildStd.Trim().ToLowerInvariant();
        if (mode is not ("bpf" or "host" or "auto"))
        {
            error = (ErrorCodes.SettingInvalid, $"BpfRustBuild '{inputs.RustBuild}' is not bpf, host or auto.");
            return null;
        }
        if (buildStd is not ("true" or "false" or "auto"))
        {
            error = (ErrorCodes.SettingInvalid, $"BpfBuildStd '{inputs.BuildStd}' is not true, false or auto.");
            return null;
        }
        var usesCore = inputs.RootsUsingCore.Count > 0;
        var coreUsers = $"{string.Join(", ", inputs.RootsUsingCore)} {(inputs.RootsUsingCore.Count == 1 ? "uses" : "use")}";
        var installRustSrc = $"`rustup component add rust-src --toolchain {inputs.ToolchainName}`";

        if (mode == "host")
            return ForHost(inputs, "BpfRustBuild=host", out error);
        if (mode == "auto" && usesCore && (buildStd == "false" || (buildStd == "auto" && !inputs.HasRustSrc)))
        {
            var why = buildStd == "false"
                ? $"BpfRustBuild=auto: {coreUsers} core, and BpfBuildStd=false leaves the BPF target without one"
                : $"BpfRustBuild=auto: {coreUsers} core, and the toolchain {inputs.ToolchainName} has no rust-src to build it for BPF";
            return ForHost(inputs, why, out error);
        }

        var fromSource = buildStd == "true" || (buildStd == "auto" && usesCore);
        if (fromSource && !inputs.HasRustSrc)
        {
            var why = buildStd == "true" ? "BpfBuildStd=true builds core from source" : $"{coreUsers} core, which for a BPF target is built from source";
            error = (ErrorCodes.RustSrcMissing,
                $"{why}, but the toolchain {inputs.ToolchainName} has no rust-src. Install it with {installRustSrc}, " +
                "or set BpfRustBuild to auto (the default), which then compiles for the host.");
            return null;
        }
        if (!fromSource && usesCore)
        {
            error = (ErrorCodes.RustSrcMissing,
                $"BpfBuildStd=false, but {coreUsers} core, which the BPF target only has when it is built from source. " +
                $"Set BpfBuildStd to auto (with rust-src: {installRustSrc}), or set BpfRustBuild to auto or host to compile for the host.");
            return null;
        }
        var reason = mode == "bpf" ? "BpfRustBuild=bpf"
            : usesCore ? $"BpfRustBuild=auto: {coreUsers} core, which the toolchain's rust-src builds"
            : "BpfRustBuild=auto: every crate root is #![no_core]";
        return new RustBuildPlan(Host: false, fromSource, reason);
    }

    private static RustBuildPlan? ForHost(RustBuildInputs inputs, string reason, out (string Code, string Message)? error)
    {
        error = null;
        if (inputs.Target != "bpfel")
        {
            error = (ErrorCodes.HostBuildNeedsLittleEndian,
                $"{reason}; a host build compiles for {inputs.HostTriple}, whose bitcode is laid out little-endian and cannot become {inputs.Target}. " +
                $"Build for bpfel, or install rust-src (`rustup component add rust-src --toolchain {inputs.ToolchainName}`) and set BpfRustBuild to bpf.");
            return null;
        }
        if (inputs.HostTriple.Length == 0)
        {
            error = (ErrorCodes.SettingInvalid, $"{reason}; a host build needs rustc's host triple, and `rustc -vV` named none.");
            return null;
        }
        return new RustBuildPlan(Host: true, BuildStd: false, reason);
    }

    /// <summary>The build log's line: which target cargo compiles for, and why.</summary>
    public string Describe(RustBuildInputs inputs) =>
        Host
            ? $"Rust is compiled for the host ({inputs.HostTriple}) and its bitcode retargeted to BPF ({Reason})."
            : $"Rust is compiled for {inputs.Target}-unknown-none{(BuildStd ? ", with core built from source" : "")} ({Reason}).";
}
