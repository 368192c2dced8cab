using System.Diagnostics;
using System.Text.Json;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// The <c>rustc-wrapper</c> command: in a host build (BpfRustBuild=host) cargo runs rustc through
/// it (<c>rustc-wrapper &lt;rustc&gt; &lt;args...&gt;</c>). The build adds the BPF cfgs
/// (<c>target_arch = "bpf"</c>, <c>target_os = "none"</c>) to every crate, and rustc keeps the
/// host's as well. A crate that defines an item once per architecture (a C-types crate's
/// <c>mod arch</c> for BPF and another for x86_64) then defines it twice: such a crate, and only
/// such a crate, is compiled again with the host's cfgs alone, which choose the same C types.
/// </summary>
internal static class RustcWrapperCommand
{
    /// <summary>Set by the SDK (CargoInvocation): the cfgs it added, separated by 0x1f.</summary>
    public const string BpfCfgVariable = "AYA_BPF_HOST_CFG";

    /// <summary>Set by the SDK when the build had a RUSTC_WRAPPER of its own (sccache...), which still runs rustc.</summary>
    public const string UserWrapperVariable = "AYA_BPF_USER_RUSTC_WRAPPER";

    // rustc's errors for one name or impl defined twice: what two architectures' branches give.
    private static readonly HashSet<string> s_definedTwiceCodes = ["E0119", "E0124", "E0201", "E0252", "E0254", "E0255", "E0428", "E0592"];

    public static int Run(string[] args, TextWriter error)
    {
        if (args.Length == 0)
        {
            error.WriteLine("usage: Aya.Bpf.Linker rustc-wrapper <rustc> <rustc arguments...>");
            return 2;
        }
        var cfgs = (Environment.GetEnvironmentVariable(BpfCfgVariable) ?? "").Split('\u001f', StringSplitOptions.RemoveEmptyEntries);
        string[] command = Environment.GetEnvironmentVariable(UserWrapperVariable) is { Length: > 0 } userWrapper ? [userWrapper, .. args] : args;
        var hostOnly = WithoutCfgs(command, cfgs);
        try
        {
            // Queries, build scripts and proc macros get no BPF cfgs (cargo gives them no target flags).
            if (hostOnly.Count == command.Length)
                return RunPassingThrough(command);
            var (exitCode, heldErrors) = RunHoldingErrors(command, error);
            var definedTwice = heldErrors
                .Select(line => IsErrorDiagnostic(line, out var code) ? code : null)
                .OfType<string>().Where(s_definedTwiceCodes.Contains).Distinct().ToList();
            if (exitCode == 0 || definedTwice.Count == 0)
            {
                foreach (var line in heldErrors)
                    error.WriteLine(line);
                return exitCode;
            }
            var retried = RunPassingThrough([.. hostOnly]);
            // Said only when it helped: a name defined twice either way is the crate's own error, shown as rustc gives it.
            if (retried == 0)
                error.WriteLine($"note: Aya.Bpf.Sdk: crate `{CrateName(command)}` defines items once per target architecture ({string.Join(", ", definedTwice)} with the BPF cfgs beside the host's); it was compiled with the host's cfgs alone.");
            return retried;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error.WriteLine($"error: Aya.Bpf.Sdk's rustc wrapper could not run {command[0]}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The command line without the <c>--cfg &lt;cfg&gt;</c> pairs of <paramref name="cfgs"/>.</summary>
    internal static List<string> WithoutCfgs(IReadOnlyList<string> command, IReadOnlyCollection<string> cfgs)
    {
        List<string> kept = [];
        for (var i = 0; i < command.Count; i++)
        {
            if (command[i] == "--cfg" && i + 1 < command.Count && cfgs.Contains(command[i + 1]))
                i++;
            else if (command[i].StartsWith("--cfg=", StringComparison.Ordinal) && cfgs.Contains(command[i]["--cfg=".Length..]))
                continue;
            else
                kept.Add(command[i]);
        }
        return kept;
    }

    /// <summary>Whether the line is one of rustc's JSON error diagnostics, and its code if it has one.</summary>
    internal static bool IsErrorDiagnostic(string line, out string? code)
    {
        code = null;
        if (!line.StartsWith('{'))
            return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("level", out var level)
                || level.ValueKind != JsonValueKind.String || !(level.GetString() ?? "").StartsWith("error", StringComparison.Ordinal))
                return false;
            if (root.TryGetProperty("code", out var codeObject) && codeObject.ValueKind == JsonValueKind.Object
                && codeObject.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.String)
                code = value.GetString();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string CrateName(IReadOnlyList<string> command)
    {
        var index = command.ToList().IndexOf("--crate-name");
        return index >= 0 && index + 1 < command.Count ? command[index + 1] : "?";
    }

    private static int RunPassingThrough(IReadOnlyList<string> command)
    {
        using var process = Process.Start(StartInfo(command, redirectErrors: false))!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Runs rustc, passing its output on as it comes (cargo reads artifact notices from stderr as the
    /// build goes), except its error diagnostics, which wait to be shown or dropped.
    /// </summary>
    private static (int ExitCode, List<string> HeldErrors) RunHoldingErrors(IReadOnlyList<string> command, TextWriter error)
    {
        List<string> held = [];
        using var process = Process.Start(StartInfo(command, redirectErrors: true))!;
        for (var line = process.StandardError.ReadLine(); line is not null; line = process.StandardError.ReadLine())
        {
            if (IsErrorDiagnostic(line, out _))
                held.Add(line);
            else
            {
                error.WriteLine(line);
                error.Flush();
            }
        }
        process.WaitForExit();
        return (process.ExitCode, held);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> command, bool redirectErrors)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardError = redirectErrors };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        return start;
    }
}
