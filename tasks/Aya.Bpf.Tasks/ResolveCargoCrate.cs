using System.ComponentModel;
using Aya.Bpf.Tasks.Cargo;
using Aya.Bpf.Tasks.Crate;
using Aya.Bpf.Tasks.Toolchain;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Asks cargo what the crate is (<c>cargo metadata</c>: its package, bin targets and workspace)
/// and how it is configured (<c>cargo config get</c>), then decides which bins the project builds
/// and whether Rust is compiled for the BPF target or for the host, and says why in the log.
/// </summary>
public sealed class ResolveCargoCrate : Task
{
    private const string ObjectExtension = ".bpf.o";

    [Required] public string CargoPath { get; set; } = "";
    [Required] public string ManifestPath { get; set; } = "";
    [Required] public string ProjectDirectory { get; set; } = "";
    public string? RustToolchain { get; set; }

    /// <summary>CargoPackage: the package to build when the manifest is a workspace's.</summary>
    public string? Package { get; set; }

    /// <summary>CargoBinName and CargoBin items: the bins to build; empty builds every bin.</summary>
    public string[] BinNames { get; set; } = [];

    public string[] Features { get; set; } = [];

    /// <summary>BpfRustBuild: bpf, host or auto.</summary>
    public string RustBuild { get; set; } = "auto";

    /// <summary>BpfBuildStd: true, false or auto.</summary>
    public string BuildStd { get; set; } = "auto";

    public bool HasRustSrc { get; set; }
    public string HostTriple { get; set; } = "";
    public string Target { get; set; } = "bpfel";
    public string ToolchainName { get; set; } = "";

    /// <summary>rustc's release, e.g. 1.97.0-nightly: a nightly (or dev) cargo reads [unstable] config by itself.</summary>
    public string RustcRelease { get; set; } = "";

    /// <summary>The object's file name when the project builds one bin (BpfObjectName).</summary>
    [Required] public string ObjectName { get; set; } = "";

    /// <summary>The bins to build, each with <c>BpfBin</c> (its name), <c>ObjectName</c> and <c>SourcePath</c>.</summary>
    [Output] public ITaskItem[] Bins { get; private set; } = [];

    /// <summary>Every object file name a build of this package can write, whichever bins it selects.</summary>
    [Output] public string[] PossibleObjectNames { get; private set; } = [];

    /// <summary>bpf or host.</summary>
    [Output] public string EffectiveRustBuild { get; private set; } = "";

    /// <summary>Whether a BPF-target build builds core from source.</summary>
    [Output] public bool UseBuildStd { get; private set; }

    /// <summary>The workspace's Cargo.toml and Cargo.lock (the package's own outside a workspace).</summary>
    [Output] public string WorkspaceManifest { get; private set; } = "";

    [Output] public string CargoLock { get; private set; } = "";

    /// <summary>Where cargo runs: the project's folder, or, to set the crate's own config aside, the crate's parent.</summary>
    [Output] public string CargoWorkingDirectory { get; private set; } = "";

    /// <summary>
    /// The toolchain cargo is to run with (RUSTUP_TOOLCHAIN): RustToolchain, or, when cargo runs
    /// outside the folder whose rust-toolchain file chose it, that toolchain; empty: rustup decides.
    /// </summary>
    [Output] public string CargoToolchain { get; private set; } = "";

    public override bool Execute()
    {
        var workspace = ReadMetadata();
        if (workspace is null)
            return false;
        var package = PackageOf(workspace);
        if (package is null)
            return false;
        var features = CargoInvocation.SplitNames(Features).ToList();
        var bins = BinSelection.Select(package, [.. CargoInvocation.SplitNames(BinNames)], features, out var selectionError);
        if (bins is null)
        {
            Log.LogCodedError(ErrorCodes.NoBinTarget, package.ManifestPath, selectionError!);
            return false;
        }

        var config = ReadConfig();
        var inputs = new RustBuildInputs(RustBuild, BuildStd, RootsUsingCore(package, bins), HasRustSrc, Target, HostTriple, ToolchainName);
        var plan = RustBuildPlan.Choose(inputs, out var planError);
        if (plan is null)
        {
            Log.LogCodedError(planError!.Value.Code, package.ManifestPath, planError.Value.Message);
            return false;
        }
        Log.LogMessage(MessageImportance.High, plan.Describe(inputs));
        foreach (var entry in config.Entries)
            Log.LogMessage(MessageImportance.Low, $"cargo config: {entry.Key} = {entry.Value} ({entry.Origin})");
        var decision = CargoConfigPolicy.Decide(plan, config, ProjectDirectory, Path.GetDirectoryName(package.ManifestPath) ?? ProjectDirectory,
            IsNightly(RustcRelease), HasRustSrc, ToolchainName);
        if (decision.Error is { } error)
        {
            Log.LogCodedError(error.Code, error.File.Length > 0 ? error.File : ManifestPath, error.Message);
            return false;
        }
        if (decision.Note is { } note)
            Log.LogMessage(MessageImportance.High, note);
        CargoWorkingDirectory = decision.WorkingDirectory;
        CargoToolchain = !string.IsNullOrWhiteSpace(RustToolchain) ? RustToolchain.Trim()
            : ToolchainFileBetween(ProjectDirectory, CargoWorkingDirectory) ? ToolchainName
            : "";

        EffectiveRustBuild = plan.Host ? "host" : "bpf";
        UseBuildStd = plan.BuildStd;
        WorkspaceManifest = Path.Combine(workspace.Root, "Cargo.toml");
        CargoLock = Path.Combine(workspace.Root, "Cargo.lock");
        Bins = [.. bins.Select(bin => Item(bin, bins.Count == 1 ? ObjectName : bin.Name + ObjectExtension))];
        PossibleObjectNames = [ObjectName, .. package.Targets.Where(t => t.IsBin).Select(t => t.Name + ObjectExtension)];
        Log.LogMessage(MessageImportance.Normal,
            $"Package {package.Name} ({package.ManifestPath}): {string.Join(", ", Bins.Select(b => $"bin {b.ItemSpec} -> {b.GetMetadata("ObjectName")}"))}");
        return true;
    }

    private static TaskItem Item(CargoTarget bin, string objectName)
    {
        var item = new TaskItem(bin.Name);
        item.SetMetadata("BpfBin", bin.Name);
        item.SetMetadata("ObjectName", objectName);
        item.SetMetadata("SourcePath", bin.SourcePath);
        return item;
    }

    private CargoWorkspace? ReadMetadata()
    {
        var result = Run(["metadata", "--format-version", "1", "--no-deps", "--manifest-path", ManifestPath], nightlyOptions: false);
        if (result is null)
            return null;
        if (result.ExitCode != 0)
        {
            var errors = new CargoErrorText(ManifestPath);
            foreach (var line in result.StandardError.Split('\n'))
                errors.Add(line.TrimEnd('\r'));
            foreach (var error in errors.Errors.DefaultIfEmpty(new CargoError($"`cargo metadata` failed with exit code {result.ExitCode}: {result.StandardError.Trim()}", ManifestPath, 0, 0)))
                Log.LogError(null, ErrorCodes.CargoFailed, null, error.File, error.Line, error.Column, 0, 0, error.Message);
            return null;
        }
        var workspace = CargoMetadata.Parse(result.StandardOutput);
        if (workspace is null)
            Log.LogCodedError(ErrorCodes.CargoFailed, ManifestPath, "`cargo metadata` printed something that is not cargo's metadata; is CargoPath a cargo?");
        return workspace;
    }

    private CargoPackage? PackageOf(CargoWorkspace workspace)
    {
        if (!string.IsNullOrWhiteSpace(Package))
        {
            var named = workspace.Named(Package.Trim());
            if (named is null)
                Log.LogCodedError(ErrorCodes.NoBinTarget, ManifestPath,
                    $"CargoPackage '{Package}' is not a member of the workspace at {workspace.Root}; its members are {string.Join(", ", workspace.Members.Select(m => m.Name))}.");
            return named;
        }
        var own = workspace.PackageOf(ManifestPath);
        if (own is null)
            Log.LogCodedError(ErrorCodes.NoBinTarget, ManifestPath,
                $"{ManifestPath} is a workspace manifest without a package of its own. Put the .bpfproj beside the eBPF crate's Cargo.toml, " +
                $"or set CargoPackage to one of {string.Join(", ", workspace.Members.Select(m => m.Name))}.");
        return own;
    }

    /// <summary>The package's lib root and the selected bins' roots that use core, relative to the package.</summary>
    private static List<string> RootsUsingCore(CargoPackage package, IReadOnlyList<CargoTarget> bins)
    {
        var packageDirectory = Path.GetDirectoryName(package.ManifestPath) ?? "";
        return [.. package.Targets.Where(t => t.IsLibrary).Concat(bins)
            .Where(target => CrateRoot.UsesCore(target.SourcePath))
            .Select(target => Path.GetRelativePath(packageDirectory, target.SourcePath).Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a rust-toolchain file in <paramref name="from"/> or a folder above it, below <paramref name="to"/>, chose the toolchain.</summary>
    private static bool ToolchainFileBetween(string from, string to)
    {
        var stop = Path.TrimEndingDirectorySeparator(Path.GetFullPath(to));
        for (var directory = Path.GetFullPath(from); directory is not null && Path.TrimEndingDirectorySeparator(directory) != stop;
             directory = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory)))
        {
            if (File.Exists(Path.Combine(directory, "rust-toolchain.toml")) || File.Exists(Path.Combine(directory, "rust-toolchain")))
                return true;
        }
        return false;
    }

    private static bool IsNightly(string release) =>
        release.EndsWith("-nightly", StringComparison.Ordinal) || release.EndsWith("-dev", StringComparison.Ordinal);

    private CargoConfig ReadConfig()
    {
        var result = Run(["-Zunstable-options", "config", "get", "--show-origin"], nightlyOptions: true);
        // An older or newer cargo without `config get` just leaves the log without config notes.
        return result is { ExitCode: 0 } ? CargoConfig.Parse(result.StandardOutput) : CargoConfig.Empty;
    }

    private ToolProcessResult? Run(string[] arguments, bool nightlyOptions)
    {
        Dictionary<string, string> environment = new(StringComparer.Ordinal) { ["CARGO_TERM_COLOR"] = "never" };
        if (nightlyOptions)
            environment["RUSTC_BOOTSTRAP"] = "1";
        if (!string.IsNullOrEmpty(RustToolchain))
            environment["RUSTUP_TOOLCHAIN"] = RustToolchain;
        try
        {
            return ToolProcess.Run(CargoPath, arguments, ProjectDirectory, environment);
        }
        catch (Win32Exception e)
        {
            Log.LogCodedError(ErrorCodes.ToolNotFound, ManifestPath, $"could not start {CargoPath}: {e.Message}. Reinstall Rust with rustup.");
            return null;
        }
    }
}
