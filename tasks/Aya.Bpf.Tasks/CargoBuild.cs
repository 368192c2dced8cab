using System.Diagnostics;
using Aya.Bpf.Tasks.Cargo;
using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Runs <c>cargo build</c> for the BPF target with the linker shim in place, turns rustc's JSON
/// diagnostics into MSBuild errors and warnings on the right source lines, and hands the link
/// that rustc asked for (the manifest the shim recorded) to the link step.
/// </summary>
public sealed class CargoBuild : ToolTask
{
    private readonly List<CargoArtifact> _artifacts = [];
    private CargoErrorText? _cargoErrors;
    private bool? _buildSucceeded;
    private bool _relinkForced;

    public CargoBuild() => YieldDuringToolExecution = true;

    [Required] public string CargoPath { get; set; } = "";
    [Required] public string ManifestPath { get; set; } = "";
    [Required] public string ProjectDirectory { get; set; } = "";

    /// <summary>bpfel or bpfeb.</summary>
    public string Target { get; set; } = "bpfel";

    [Required] public string Profile { get; set; } = "";
    public string[] Features { get; set; } = [];
    public string? BinName { get; set; }

    /// <summary>cargo's --target-dir, an absolute path under obj/.</summary>
    [Required] public string TargetDirectory { get; set; } = "";

    /// <summary>auto, true or false: whether to build core from source (<c>-Z build-std=core</c>).</summary>
    public string BuildStd { get; set; } = "auto";

    public bool HasRustSrc { get; set; }

    /// <summary>bpf, host or auto: compile for the BPF target, or for the host and retarget the bitcode.</summary>
    public string RustBuild { get; set; } = "auto";

    /// <summary>rustc's host triple, the target of a host build.</summary>
    public string HostTriple { get; set; } = "";

    /// <summary>bpf or host: how this build compiled the crate (the link needs to know).</summary>
    [Output] public string EffectiveRustBuild => IsHostBuild ? "host" : "bpf";
    public string? ToolchainName { get; set; }
    public string? RustToolchain { get; set; }

    /// <summary>The script that rustc runs as the linker.</summary>
    [Required] public string LinkerShim { get; set; } = "";

    /// <summary>Where the shim records the link, and where this task keeps the current one.</summary>
    [Required] public string LinkManifest { get; set; } = "";

    /// <summary>The files the manifest links: a change to any of them makes the link step run.</summary>
    [Output] public ITaskItem[] LinkInputs { get; private set; } = [];

    protected override string ToolName => OperatingSystem.IsWindows() ? "cargo.exe" : "cargo";

    private bool IsAuto => string.Equals(BuildStd, "auto", StringComparison.OrdinalIgnoreCase);

    // auto: core is built from source when the crate uses it (a #![no_core] crate brings its own lang items).
    private bool UseBuildStd =>
        string.Equals(BuildStd, "true", StringComparison.OrdinalIgnoreCase) || (IsAuto && CrateRoot.UsesCore(ManifestPath));

    // auto: a crate that would need core built from source, with no rust-src to build it from, is
    // built for the host instead (core's bitcode ships with the host's standard library).
    private bool IsHostBuild => RustBuildMode switch
    {
        "host" => true,
        "auto" => IsAuto && UseBuildStd && !HasRustSrc && HostTriple.Length > 0,
        _ => false,
    };

    private string RustBuildMode => RustBuild.Trim().ToLowerInvariant();

    private CargoInvocation Invocation => IsHostBuild
        ? new(ManifestPath, HostTriple, Profile, Features, BinName, TargetDirectory, BuildStd: false, LinkerShim, RustToolchain, HostBuild: true,
            UserRustFlags.FromEnvironment())
        : new(ManifestPath, $"{Target}-unknown-none", Profile, Features, BinName, TargetDirectory, UseBuildStd, LinkerShim, RustToolchain);

    public override bool Execute()
    {
        var collected = RunCargo();
        if (collected == LinkCollection.Stale)
        {
            // cargo found the bin fresh, but the inputs its link recorded are gone (a Clean of a project
            // whose cargo target dir is shared, and kept): without its output, cargo links it again.
            _artifacts.Clear();
            collected = RunCargo();
        }
        return collected == LinkCollection.Done;
    }

    private LinkCollection RunCargo()
    {
        var succeeded = base.Execute();
        LogCargoErrors();
        return succeeded && !Log.HasLoggedErrors ? CollectLink() : LinkCollection.Failed;
    }

    private enum LinkCollection
    {
        Done,
        Failed,
        /// <summary>The recorded link names inputs that no longer exist; the bin was deleted for cargo to relink.</summary>
        Stale,
    }

    protected override string GenerateFullPathToTool() => CargoPath;

    protected override string GetWorkingDirectory() => ProjectDirectory;

    protected override bool ValidateParameters()
    {
        if (RustBuildMode is not ("bpf" or "host" or "auto"))
        {
            Log.LogCodedError(ErrorCodes.RustBuildInvalid, ManifestPath, $"BpfRustBuild '{RustBuild}' is not bpf, host or auto.");
            return false;
        }
        if (IsHostBuild)
            return ValidateHostBuild() && base.ValidateParameters();
        if (UseBuildStd && !HasRustSrc)
        {
            var why = IsAuto
                ? "The crate uses core (src/main.rs is not #![no_core]), which for a BPF target is built from source"
                : "BpfBuildStd is true, which builds core from source";
            Log.LogCodedError(ErrorCodes.RustSrcMissing, ManifestPath,
                $"{why}, but the toolchain {ToolchainName} has no rust-src. " +
                $"Install it with `rustup component add rust-src --toolchain {ToolchainName}`, or set BpfBuildStd to false.");
            return false;
        }
        return base.ValidateParameters();
    }

    private bool ValidateHostBuild()
    {
        if (Target != "bpfel")
        {
            Log.LogCodedError(ErrorCodes.HostBuildNeedsLittleEndian, ManifestPath,
                $"BpfRustBuild=host compiles for {HostTriple}, whose bitcode is laid out little-endian; it cannot become {Target}. " +
                $"Build for bpfel, or install rust-src (`rustup component add rust-src --toolchain {ToolchainName}`) and set BpfRustBuild to bpf.");
            return false;
        }
        if (HostTriple.Length == 0)
        {
            Log.LogCodedError(ErrorCodes.RustBuildInvalid, ManifestPath, "BpfRustBuild=host needs rustc's host triple, and `rustc -vV` named none.");
            return false;
        }
        var why = RustBuildMode == "host"
            ? "BpfRustBuild=host"
            : $"BpfRustBuild=auto: the crate uses core, and the toolchain {ToolchainName} has no rust-src to build it for BPF";
        Log.LogMessage(MessageImportance.High, $"Rust is compiled for the host ({HostTriple}) and its bitcode retargeted to BPF ({why}).");
        return true;
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        foreach (var argument in Invocation.Arguments())
            builder.AppendSwitchIfNotNull("", argument);
        return builder.ToString();
    }

    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var startInfo = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);
        foreach (var (name, value) in Invocation.Environment())
            startInfo.Environment[name] = value;
        return startInfo;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        switch (CargoMessageParser.Parse(singleLine))
        {
            case CargoDiagnostic diagnostic:
                LogDiagnostic(diagnostic);
                break;
            case CargoArtifact artifact:
                _artifacts.Add(artifact);
                Log.LogMessage(MessageImportance.Low, $"cargo: {(artifact.Fresh ? "fresh" : "built")} {artifact.TargetName}: {string.Join(", ", artifact.Filenames)}");
                break;
            case CargoBuildFinished finished:
                _buildSucceeded = finished.Success;
                break;
            case CargoTextLine text:
                Log.LogMessage(MessageImportance.Normal, text.Text);
                // cargo's own errors are reported at the end: stderr and stdout arrive in no fixed
                // order, and whether rustc already explained the failure decides how they are shown.
                (_cargoErrors ??= new CargoErrorText(ManifestPath)).Add(text.Text);
                break;
            case CargoOtherMessage:
                Log.LogMessage(MessageImportance.Low, singleLine);
                break;
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        LogCargoErrors();
        if (!Log.HasLoggedErrors)
        {
            var finished = _buildSucceeded == false ? "cargo reported a failed build without a diagnostic" : $"cargo build exited with code {ExitCode}";
            Log.LogCodedError(ErrorCodes.CargoFailed, ManifestPath, $"{finished}; its output is in the build log (-v:n).");
        }
        return false;
    }

    private void LogDiagnostic(CargoDiagnostic d)
    {
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            default:
                Log.LogMessage(MessageImportance.Low, d.Message);
                break;
        }
        if (d.Severity != DiagnosticSeverity.Note && !string.IsNullOrEmpty(d.Rendered))
            Log.LogMessage(MessageImportance.Low, d.Rendered.TrimEnd());
    }

    private void LogCargoErrors()
    {
        var rustcExplained = Log.HasLoggedErrors;
        foreach (var error in _cargoErrors?.Errors ?? [])
        {
            // cargo's closing "could not compile `x` ... due to N previous errors" repeats rustc's
            // errors; it is in the log already.
            if (!(rustcExplained && error.Message.StartsWith("could not compile", StringComparison.Ordinal)))
                Log.LogError(null, ErrorCodes.CargoFailed, null, error.File, error.Line, error.Column, 0, 0, error.Message);
        }
        _cargoErrors = null;
    }

    /// <summary>
    /// Picks the bin that cargo built (or found fresh) and makes its recorded link the current
    /// manifest: cargo reuses a fresh bin without relinking, so the manifest kept beside the bin is
    /// the one that matches this build's features and target.
    /// </summary>
    private LinkCollection CollectLink()
    {
        var bins = _artifacts.Where(a => a.IsBin && (string.IsNullOrEmpty(BinName) || a.TargetName == BinName)).ToList();
        if (bins.Count == 0)
        {
            Log.LogCodedError(ErrorCodes.NoBinTarget, ManifestPath,
                "cargo built no bin target. An eBPF crate is a bin (src/main.rs with #![no_main], or a [[bin]] section); " +
                "if CargoBinName is set, check that it names one.");
            return LinkCollection.Failed;
        }
        if (bins.Count > 1)
        {
            Log.LogCodedError(ErrorCodes.SeveralBinTargets, ManifestPath,
                $"the crate has several bin targets ({string.Join(", ", bins.Select(b => b.TargetName))}); set CargoBinName to the one this project links.");
            return LinkCollection.Failed;
        }

        var bin = bins[0];
        var linkOutput = bin.Executable ?? bin.Filenames.FirstOrDefault() ?? "";
        var text = File.Exists(linkOutput) ? File.ReadAllText(linkOutput) : "";
        var inputs = LinkManifestFile.ReadInputs(text);
        if (inputs is null)
        {
            Log.LogCodedError(ErrorCodes.LinkNotCaptured, ManifestPath,
                $"cargo's output for {bin.TargetName} ({linkOutput}) was not linked through the SDK's linker shim " +
                "(is a linker set in RUSTFLAGS or a .cargo/config.toml?). Remove that setting, then rebuild (dotnet build --no-incremental).");
            return LinkCollection.Failed;
        }
        if (bin.Fresh && !_relinkForced && inputs.Any(input => !File.Exists(input)))
        {
            Log.LogMessage(MessageImportance.Normal, $"The link cargo recorded for {bin.TargetName} names inputs that are gone; cargo links it again.");
            ForgetLinkOutput(bin.TargetName, linkOutput, text);
            _relinkForced = true;
            return LinkCollection.Stale;
        }
        FileContent.WriteIfDifferent(LinkManifest, text);
        LinkInputs = [.. inputs.Select(input => new TaskItem(input))];
        return LinkCollection.Done;
    }

    /// <summary>
    /// Deletes the bin and the file in deps/ that cargo uplifted it from (the same recorded link):
    /// with either left, cargo would only copy it out again instead of linking.
    /// </summary>
    private static void ForgetLinkOutput(string targetName, string linkOutput, string recordedLink)
    {
        var deps = Path.Combine(Path.GetDirectoryName(linkOutput) ?? ".", "deps");
        if (Directory.Exists(deps))
        {
            foreach (var candidate in Directory.EnumerateFiles(deps, $"{targetName.Replace('-', '_')}-*"))
            {
                if (Path.GetExtension(candidate).Length == 0 && File.ReadAllText(candidate) == recordedLink)
                    File.Delete(candidate);
            }
        }
        File.Delete(linkOutput);
    }
}
