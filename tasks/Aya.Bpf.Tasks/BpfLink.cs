using Aya.Bpf.Tasks.Link;
using Aya.Bpf.Tasks.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Runs the linker app (<c>dotnet Aya.Bpf.Linker.dll link @rsp</c>) in its own process: it loads the
/// toolchain's libLLVM, whose fatal errors abort the process that hosts it, and sets LLVM's
/// process-wide options. Its canonical-format lines become MSBuild errors and warnings.
/// </summary>
public sealed class BpfLink : ToolTask
{
    private const int TailLength = 12;
    private readonly Queue<string> _outputTail = new();
    private readonly List<string> _warnings = [];
    private bool _linkerReportedError;

    public BpfLink() => YieldDuringToolExecution = true;

    [Required] public string LinkerAssembly { get; set; } = "";

    /// <summary>The dotnet executable; empty uses the one running this build.</summary>
    public string? DotnetHostPath { get; set; }

    [Required] public string LlvmLibraryPath { get; set; } = "";
    [Required] public string LinkManifest { get; set; } = "";
    public ITaskItem[] Bitcode { get; set; } = [];
    public string Target { get; set; } = "bpfel";
    public string Cpu { get; set; } = "v3";
    public string? CpuFeatures { get; set; }
    public string OptimizationLevel { get; set; } = "2";

    /// <summary>The oldest kernel whose BTF rules the link checks, e.g. 6.1 or 5.15; empty: the linker's default.</summary>
    public string? KernelBaseline { get; set; }

    /// <summary>The license for a program that declares none (BpfLicense), e.g. GPL or Dual MIT/GPL; empty: none.</summary>
    public string? License { get; set; }

    /// <summary>The bitcode was compiled for the host (BpfRustBuild): the link retargets it to BPF.</summary>
    public bool FromHost { get; set; }

    /// <summary>The folder debug info's source paths are made relative to (the cargo workspace); empty keeps them absolute.</summary>
    public string? SourceRoot { get; set; }

    /// <summary>The toolchain's sysroot, whose rust-src paths (a build-std core) keep only their library path.</summary>
    public string? RustSysroot { get; set; }

    /// <summary>The project file, blamed for a setting that makes no sense.</summary>
    public string? ProjectFile { get; set; }

    [Required] public string OutputFile { get; set; } = "";

    /// <summary>Where a successful link's warnings are written, for ReplayLinkWarnings to report in this and every later build.</summary>
    [Required] public string WarningsFile { get; set; } = "";

    /// <summary>Where the arguments are written, one per line (kept under obj/ for a look after a failure).</summary>
    [Required] public string ResponseFile { get; set; } = "";

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    // The linker's progress lines are worth seeing at normal verbosity; its stderr is only ever trouble.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    public override bool Execute()
    {
        // CheckBpfSettings reported these at their lines already; the task refuses them run on its own too.
        var kernelBaseline = KernelBaseline?.Trim() ?? "";
        if (kernelBaseline.Length > 0 && SettingRules.KernelBaseline(kernelBaseline) is { } notAVersion)
        {
            Log.LogCodedError(ErrorCodes.KernelBaselineInvalid, ProjectFile, $"BpfKernelBaseline '{kernelBaseline}' {notAVersion}.");
            return false;
        }
        var license = License?.Trim() ?? "";
        if (SettingRules.License(license) is { } problem)
        {
            Log.LogCodedError(ErrorCodes.SettingInvalid, ProjectFile, $"BpfLicense '{license}' {problem}.");
            return false;
        }
        var request = new LinkRequest(
            Path.GetFullPath(LlvmLibraryPath), Path.GetFullPath(LinkManifest),
            [.. Bitcode.Select(item => item.GetMetadata("FullPath"))],
            Target, Cpu, CpuFeatures ?? "", OptimizationLevel, Path.GetFullPath(OutputFile), kernelBaseline, FromHost, license,
            string.IsNullOrWhiteSpace(SourceRoot) ? null : SourcePathSettings.For(SourceRoot, SourcePathSettings.CargoHome(Environment.GetEnvironmentVariable), RustSysroot),
            string.IsNullOrEmpty(ProjectFile) ? null : Path.GetFullPath(ProjectFile));
        FileContent.WriteIfDifferent(ResponseFile, string.Join('\n', LinkResponseFile.Lines(request)) + "\n");
        // A failed link leaves no warnings to replay: its own are logged below, and it runs again next build.
        if (File.Exists(WarningsFile))
            File.Delete(WarningsFile);
        var linked = base.Execute();
        RemoveTemporaryObjects(OutputFile);
        if (linked)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(WarningsFile))!);
            File.WriteAllLines(WarningsFile, _warnings);
        }
        else
            _warnings.ForEach(warning => base.LogEventsFromTextOutput(warning, MessageImportance.High));
        return linked;
    }

    protected override string GenerateFullPathToTool() => DotnetHost.Resolve(DotnetHostPath);

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(Path.GetFullPath(LinkerAssembly));
        builder.AppendSwitch("link");
        builder.AppendSwitchIfNotNull("@", Path.GetFullPath(ResponseFile));
        return builder.ToString();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (_outputTail.Count == TailLength)
            _outputTail.Dequeue();
        _outputTail.Enqueue(singleLine);
        _linkerReportedError |= LinkerOutputLine.IsError(singleLine);
        if (LinkerOutputLine.Progress(singleLine) is { } progress)
        {
            Log.LogMessage(MessageImportance.High, $"{Path.GetFileName(OutputFile)}: {progress}");
            return;
        }
        // Held: reported after a failed link, or by ReplayLinkWarnings after a successful one.
        if (LinkerOutputLine.IsWarning(singleLine))
        {
            _warnings.Add(singleLine);
            return;
        }
        // Recognises "origin : error CODE: text" and "file(line,col) : warning CODE: text".
        base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    protected override bool HandleTaskExecutionErrors()
    {
        // A signal or a failure the linker did not explain. LLVM aborts (SIGABRT, exit code 134) only
        // after its fatal error handler, in which the linker prints the reason as a coded error
        // (BPF2008, or one it can place, such as BPF2025): that abort is explained.
        var explainedAbort = ExitCode == 128 + SigAbrt && _linkerReportedError;
        if ((ExitCode > 128 && !explainedAbort) || !Log.HasLoggedErrors)
            Log.LogCodedError(ErrorCodes.LinkerCrashed, LinkManifest, CrashMessage(ExitCode, [.. _outputTail]));
        return false;
    }

    /// <summary>
    /// Removes the temporary files linkers of this object write through (a linker killed mid-write,
    /// by the out-of-memory killer say, cannot remove its own).
    /// </summary>
    internal static void RemoveTemporaryObjects(string outputFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputFile))!;
        if (!Directory.Exists(directory))
            return;
        foreach (var temporary in Directory.EnumerateFiles(directory, $".{Path.GetFileName(outputFile)}.*.tmp"))
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next link to remove; it never becomes an output.
            }
        }
    }

    internal static string CrashMessage(int exitCode, IReadOnlyList<string> outputTail)
    {
        var llvmErrors = outputTail.Where(line => line.Contains("LLVM ERROR", StringComparison.Ordinal)).ToList();
        var evidence = string.Join(" | ", (llvmErrors.Count > 0 ? llvmErrors : outputTail.TakeLast(4)).Select(line => line.Trim()));
        var what = exitCode > 128 ? Signalled(exitCode - 128, llvmErrors.Count > 0)
            : $"the linker failed with exit code {exitCode} without reporting an error";
        return $"{what}: {(evidence.Length > 0 ? evidence : "it printed nothing")}. It ran in its own process, so the build node is unaffected; " +
            (exitCode == 128 + SigKill ? "build again with more memory free, or with fewer builds at once (-m:1)." : "please report this with the response file.");
    }

    private const int SigAbrt = 6;
    private const int SigKill = 9;
    private const int SigSegv = 11;

    // A shell reports a process ended by signal N as exit code 128 + N.
    private static string Signalled(int signal, bool llvmSaidWhy) => signal switch
    {
        SigAbrt when llvmSaidWhy => $"the linker crashed (LLVM fatal error, exit code {128 + signal})",
        SigAbrt => $"the linker aborted (exit code {128 + signal}, SIGABRT)",
        SigKill => $"the linker was killed (exit code {128 + signal}, SIGKILL: most often the kernel's out-of-memory killer)",
        SigSegv => $"the linker crashed (exit code {128 + signal}, a segmentation fault)",
        _ => $"the linker was ended by signal {signal} (exit code {128 + signal})",
    };
}
