using System.ComponentModel;
using System.Text.RegularExpressions;
using Aya.Bpf.Tasks.Toolchain;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Asks rustc, as the project directory resolves it (rust-toolchain.toml, rustup overrides,
/// <see cref="RustToolchain"/>), which toolchain builds the crate, and finds that toolchain's libLLVM.
/// </summary>
public sealed partial class ResolveRustToolchain : Task
{
    /// <summary>Where cargo will run; rustup picks the toolchain from here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>A rustup toolchain name; empty uses whatever rustup resolves in the project directory.</summary>
    public string? RustToolchain { get; set; }

    /// <summary>A libLLVM to use instead of the toolchain's own.</summary>
    public string? LlvmPath { get; set; }

    /// <summary>The project file, blamed for errors that no source file causes.</summary>
    public string? ProjectFile { get; set; }

    [Output] public string RustcPath { get; private set; } = "";
    [Output] public string CargoPath { get; private set; } = "";
    [Output] public string RustcRelease { get; private set; } = "";
    [Output] public string LlvmVersion { get; private set; } = "";
    [Output] public string HostTriple { get; private set; } = "";
    [Output] public string Sysroot { get; private set; } = "";

    /// <summary>The rustup toolchain in use, as `rustup component add --toolchain` wants it.</summary>
    [Output] public string ToolchainName { get; private set; } = "";

    [Output] public string LlvmLibraryPath { get; private set; } = "";

    /// <summary>Whether rust-src is installed, which <c>-Z build-std</c> needs.</summary>
    [Output] public bool HasRustSrc { get; private set; }

    public override bool Execute()
    {
        if (!FindTools())
            return false;
        // Each query goes through rustup's proxy (about 0.1 s); both at once halve the wait of every build.
        var versionQuery = System.Threading.Tasks.Task.Run(() => Start("-vV"));
        var sysrootQuery = System.Threading.Tasks.Task.Run(() => Start("--print", "sysroot"));
        var version = Answer(versionQuery.GetAwaiter().GetResult(), "-vV");
        var sysroot = version is null ? null : Answer(sysrootQuery.GetAwaiter().GetResult(), "--print", "sysroot");
        if (version is null || sysroot is null)
            return false;

        var parsed = RustcVersion.Parse(version);
        (RustcRelease, LlvmVersion, HostTriple) = (parsed.Release, parsed.LlvmVersion, parsed.HostTriple);
        Sysroot = sysroot.Trim();
        ToolchainName = string.IsNullOrEmpty(RustToolchain) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Sysroot)) : RustToolchain;
        HasRustSrc = Directory.Exists(Path.Combine(Sysroot, "lib", "rustlib", "src", "rust", "library", "core"));
        return FindLlvm();
    }

    private bool FindTools()
    {
        RustcPath = ExecutableSearch.Find("rustc") ?? "";
        CargoPath = ExecutableSearch.Find("cargo") ?? "";
        var missing = RustcPath.Length == 0 ? "rustc" : CargoPath.Length == 0 ? "cargo" : null;
        if (missing is null)
            return true;
        Log.LogCodedError(ErrorCodes.ToolNotFound, ProjectFile,
            $"{missing} was not found on PATH (nor in {ExecutableSearch.CargoBinFolder()}). Install Rust with rustup (https://rustup.rs) " +
            "and make sure its bin folder is on the PATH of the process that runs the build.");
        return false;
    }

    private ToolProcessResult Start(params string[] arguments)
    {
        // rustup's errors carry a backtrace when RUST_BACKTRACE is set: the message is enough here.
        Dictionary<string, string> environment = new(StringComparer.Ordinal) { ["RUST_BACKTRACE"] = "0" };
        if (!string.IsNullOrEmpty(RustToolchain))
            environment["RUSTUP_TOOLCHAIN"] = RustToolchain;
        try
        {
            return ToolProcess.Run(RustcPath, arguments, ProjectDirectory, environment);
        }
        catch (Win32Exception e)
        {
            return new ToolProcessResult(-1, "", e.Message, CouldNotStart: true);
        }
    }

    /// <summary>The query's output, or null after logging why it failed.</summary>
    private string? Answer(ToolProcessResult result, params string[] arguments)
    {
        if (result.CouldNotStart)
        {
            Log.LogCodedError(ErrorCodes.ToolNotFound, ProjectFile, $"could not start {RustcPath}: {result.StandardError}. Reinstall Rust with rustup.");
            return null;
        }
        if (result.ExitCode == 0)
            return result.StandardOutput;

        var command = $"rustc {string.Join(' ', arguments)}";
        var advice = NotInstalledToolchain().Match(result.StandardError) is { Success: true } match
            ? $" Install the toolchain with `rustup toolchain install {match.Groups[1].Value}`."
            : "";
        Log.LogCodedError(ErrorCodes.RustcFailed, ProjectFile,
            $"`{command}` failed in {ProjectDirectory} (exit code {result.ExitCode}): {OneLine(result.StandardError)}.{advice}");
        return null;
    }

    private bool FindLlvm()
    {
        if (!string.IsNullOrEmpty(LlvmPath))
        {
            if (File.Exists(LlvmPath))
            {
                LlvmLibraryPath = Path.GetFullPath(LlvmPath);
                return true;
            }
            Log.LogCodedError(ErrorCodes.LlvmNotFound, ProjectFile,
                $"BpfLlvmPath is set to '{LlvmPath}', which does not exist. Point it at a libLLVM shared library with the BPF target, or leave it empty to use the Rust toolchain's.");
            return false;
        }
        var found = LlvmLibraryLocator.Find(Sysroot);
        if (found is not null)
        {
            LlvmLibraryPath = found;
            return true;
        }
        Log.LogCodedError(ErrorCodes.LlvmNotFound, ProjectFile,
            $"the Rust toolchain {ToolchainName} has no loadable libLLVM in {LlvmLibraryLocator.LibraryFolder(Sysroot)}. " +
            "Use a rustup toolchain (they ship one), or set BpfLlvmPath to a libLLVM of the same LLVM version as rustc's " +
            $"({(LlvmVersion.Length > 0 ? LlvmVersion : "see rustc -vV")}).");
        return false;
    }

    // An MSBuild error is one line: keep rustc's first few lines, without a backtrace.
    private static string OneLine(string text) =>
        string.Join(" | ", text.Split('\n')
            .Select(line => line.Trim())
            .TakeWhile(line => !line.StartsWith("Stack backtrace", StringComparison.Ordinal))
            .Where(line => line.Length > 0)
            .Take(6)).TrimEnd('.');

    [GeneratedRegex("toolchain '([^']+)' is not installed")]
    private static partial Regex NotInstalledToolchain();
}
