using System.Diagnostics;
using Aya.Bpf.Tasks.Cargo;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Runs <c>cargo build</c> for the bins the project builds, with the SDK's shims in place of the
/// linker (and of rustc, in a host build), turns rustc's JSON diagnostics into MSBuild errors and
/// warnings on the right source lines, and hands the links that rustc asked for to the link step.
/// </summary>
public sealed class CargoBuild : ToolTask
{
    private readonly List<CargoArtifact> _artifacts = [];
    private readonly HashSet<(DiagnosticSeverity, string?, string?, int, int, string)> _loggedDiagnostics = [];
    private CargoErrorText? _cargoErrors;
    private bool? _buildSucceeded;

    public CargoBuild() => YieldDuringToolExecution = true;

    [Required] public string CargoPath { get; set; } = "";
    [Required] public string ManifestPath { get; set; } = "";
    [Required] public string ProjectDirectory { get; set; } = "";

    /// <summary>Where cargo runs (the config files it reads depend on it); empty: <see cref="ProjectDirectory"/>.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>bpfel or bpfeb.</summary>
    public string Target { get; set; } = "bpfel";

    [Required] public string Profile { get; set; } = "";
    public string[] Features { get; set; } = [];

    /// <summary>CargoPackage: the workspace member to build, when the manifest is the workspace's.</summary>
    public string? Package { get; set; }

    /// <summary>The bins to build (from ResolveCargoCrate), each with <c>BpfBin</c> (its name) and <c>LinkManifest</c> (where its link is kept).</summary>
    [Required] public ITaskItem[] Bins { get; set; } = [];

    /// <summary>cargo's --target-dir, an absolute path under obj/.</summary>
    [Required] public string TargetDirectory { get; set; } = "";

    /// <summary>bpf or host, as ResolveCargoCrate decided.</summary>
    public string RustBuild { get; set; } = "bpf";

    /// <summary>Build core from source (<c>-Z build-std=core</c>), as ResolveCargoCrate decided.</summary>
    public bool BuildStd { get; set; }

    /// <summary>rustc's host triple, the target of a host build.</summary>
    public string HostTriple { get; set; } = "";
    public string? RustToolchain { get; set; }

    /// <summary>The script that rustc runs as the linker.</summary>
    [Required] public string LinkerShim { get; set; } = "";

    /// <summary>The folder of the <c>bpf-linker</c> shim, put first on cargo's PATH.</summary>
    [Required] public string BpfLinkerDirectory { get; set; } = "";

    /// <summary>The script a host build runs rustc through.</summary>
    public string? RustcWrapper { get; set; }

    /// <summary>BpfTargetArch: the kernel's architecture (aya's bpf_target_arch); empty: the host's.</summary>
    public string? KernelArch { get; set; }

    /// <summary>BpfDebugAssertions: true or false sets the profile's debug-assertions; profile leaves it.</summary>
    public string? DebugAssertions { get; set; }

    /// <summary>BpfOverflowChecks: true or false sets the profile's overflow-checks; profile leaves it.</summary>
    public string? OverflowChecks { get; set; }

    /// <summary>The files the bins' links read, each with its bin's metadata: a change to any relinks that bin.</summary>
    [Output] public ITaskItem[] LinkInputs { get; private set; } = [];

    protected override string ToolName => OperatingSystem.IsWindows() ? "cargo.exe" : "cargo";

    private bool IsHostBuild => RustBuild == "host";

    private CargoInvocation Invocation => IsHostBuild
        ? new(ManifestPath, HostTriple, Profile, Features, Package, BinNames, TargetDirectory, BuildStd: false, LinkerShim, BpfLinkerDirectory,
            RustToolchain, HostBuild: true, RustcWrapper, Checks, KernelArchitecture)
        : new(ManifestPath, $"{Target}-unknown-none", Profile, Features, Package, BinNames, TargetDirectory, BuildStd, LinkerShim, BpfLinkerDirectory,
            RustToolchain, Checks: Checks, KernelArch: KernelArchitecture);

    private string KernelArchitecture => string.IsNullOrWhiteSpace(KernelArch) ? KernelArchitectures.OfTriple(HostTriple) : KernelArch.Trim();

    private ProfileChecks Checks =>
        ProfileChecks.TryParseSetting(DebugAssertions, out var assertions) && ProfileChecks.TryParseSetting(OverflowChecks, out var overflow)
            ? new(assertions, overflow)
            : ProfileChecks.Off;

    private string[] BinNames => [.. Bins.Select(bin => bin.GetMetadata("BpfBin"))];

    public override bool Execute()
    {
        // At every verbosity: cargo can take a minute, and a build that prints nothing looks hung.
        var project = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(ManifestPath)));
        Log.LogMessage(MessageImportance.High, $"{project}: cargo build started ({(IsHostBuild ? "for the host" : "for BPF")}, profile {Profile})");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = RunCargoAndCollect();
        Log.LogMessage(MessageImportance.High, $"{project}: cargo build {(succeeded ? "finished" : "failed")} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return succeeded;
    }

    private bool RunCargoAndCollect()
    {
        var links = new RecordedLinks(Log, ManifestPath);
        var collected = RunCargo(links, mayRelink: true);
        if (collected == LinkCollection.Stale)
        {
            // cargo found a bin fresh, but the inputs its link recorded are gone (a Clean of a project
            // whose cargo target dir is shared, and kept): without its output, cargo links it again.
            _artifacts.Clear();
            collected = RunCargo(links, mayRelink: false);
        }
        LinkInputs = [.. links.Inputs];
        return collected == LinkCollection.Done;
    }

    private LinkCollection RunCargo(RecordedLinks links, bool mayRelink)
    {
        var succeeded = base.Execute();
        LogCargoErrors();
        return succeeded && !Log.HasLoggedErrors ? links.Collect(Bins, _artifacts, mayRelink) : LinkCollection.Failed;
    }

    protected override string GenerateFullPathToTool() => CargoPath;

    protected override string GetWorkingDirectory() => string.IsNullOrEmpty(WorkingDirectory) ? ProjectDirectory : WorkingDirectory;

    protected override bool ValidateParameters()
    {
        foreach (var (property, value) in (ReadOnlySpan<(string, string?)>)[("BpfDebugAssertions", DebugAssertions), ("BpfOverflowChecks", OverflowChecks)])
        {
            if (!ProfileChecks.TryParseSetting(value, out _))
            {
                Log.LogCodedError(ErrorCodes.SettingInvalid, ManifestPath, $"{property} '{value}' is not true, false or profile (as the cargo profile says).");
                return false;
            }
        }
        if (UserRustFlags.From(Inherited("CARGO_ENCODED_RUSTFLAGS"), Inherited("RUSTFLAGS")).ForeignLinker() is { } linker)
        {
            Log.LogCodedError(ErrorCodes.LinkNotCaptured, ManifestPath,
                $"RUSTFLAGS sets `-C linker={linker}`, so rustc would link with {linker} instead of through the SDK, which links the bitcode itself. " +
                "Remove that flag from RUSTFLAGS (or CARGO_ENCODED_RUSTFLAGS); `-C linker=bpf-linker` is fine.");
            return false;
        }
        if (IsHostBuild && HostTriple.Length == 0)
        {
            Log.LogCodedError(ErrorCodes.SettingInvalid, ManifestPath, "a host build needs rustc's host triple, and `rustc -vV` named none.");
            return false;
        }
        return base.ValidateParameters();
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        foreach (var argument in Invocation.Arguments())
            builder.AppendSwitchIfNotNull("", argument);
        return builder.ToString();
    }

    // A variable as cargo will see it: the task's EnvironmentVariables over the build's environment.
    private string? Inherited(string name) =>
        EnvironmentVariables?.LastOrDefault(entry => entry.StartsWith(name + "=", StringComparison.Ordinal)) is { } entry
            ? entry[(name.Length + 1)..]
            : Environment.GetEnvironmentVariable(name);

    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var startInfo = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);
        var invocation = Invocation;
        foreach (var name in invocation.RemovedVariables())
            startInfo.Environment.Remove(name);
        foreach (var (name, value) in invocation.Environment(name => startInfo.Environment.TryGetValue(name, out var value) ? value : null))
            startInfo.Environment[name] = value;
        return startInfo;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        switch (CargoMessageParser.Parse(singleLine))
        {
            case CargoDiagnostic diagnostic:
                LogDiagnostic(IsHostBuild ? HostBuildAdvice.Add(diagnostic) : diagnostic);
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
        // rustc's diagnostic of a crate built twice (for two bins, or a retried build) is shown once.
        if (d.Severity != DiagnosticSeverity.Note && !_loggedDiagnostics.Add((d.Severity, d.Code, d.File, d.Line, d.Column, d.Message)))
            return;
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
}
