namespace Aya.Bpf.Tasks.Settings;

/// <summary>
/// What each project setting accepts. A rule returns null for a good value, or the end of a message
/// that says what the value is not and what would be accepted ("is not ...: use ...").
/// </summary>
internal static class SettingRules
{
    /// <summary>BTF reached the kernel in 4.18; an object of ours always carries BTF.</summary>
    public static readonly Version OldestKernel = new(4, 18);

    public static string? Target(string value) =>
        value is "bpfel" or "bpfeb" ? null : "is not a BPF target: use bpfel (little-endian) or bpfeb (big-endian)";

    /// <summary>Only the shape: which names exist is the BPF backend's to say, and the link asks it.</summary>
    public static string? Cpu(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : "is not a CPU name: use generic, v1, v2, v3 (the default) or v4";

    /// <summary>LLVM's feature string: comma-separated names, each with + (enable) or - (disable).</summary>
    public static string? CpuFeatures(string value) =>
        value.Length == 0 || value.Split(',').All(IsFeatureFlag)
            ? null
            : "is not a list of CPU features: use names with + or -, separated by commas, e.g. +alu32";

    public static string? OptimizationLevel(string value) =>
        value is "0" or "1" or "2" or "3" ? null : "is not an optimisation level: use 0, 1, 2 (the default) or 3";

    public static string? KernelBaseline(string value) =>
        ParseKernelVersion(value) switch
        {
            null => "is not a kernel version: use major.minor or major.minor.patch, e.g. 5.15 or 6.1",
            { } version when version < OldestKernel =>
                $"is older than the first kernel with BTF ({OldestKernel}), which every object carries: use {OldestKernel} or newer, e.g. 5.15 or 6.1",
            _ => null,
        };

    /// <summary>The object's file name in OutDir: one name, no folder, nothing blank around it.</summary>
    public static string? ObjectName(string value) =>
        value.Trim().Length == 0 ? "is empty: use a file name such as program.bpf.o"
        : value != value.Trim() ? "starts or ends with a space: use a file name such as program.bpf.o"
        : value is "." or ".." || value.IndexOfAny(['/', '\\']) >= 0 || value.Any(char.IsControl)
            ? "is not a file name: use a name without folders, such as program.bpf.o (the folder is OutDir)"
        : null;

    // libbpf passes on at most 63 characters of a license, as a C string.
    public static string? License(string value) =>
        value.Length > 63 ? "is longer than the 63 characters libbpf passes to the kernel"
        : value.Any(char.IsControl) ? "holds a control character"
        : null;

    // The switches are read as MSBuild conditions read them: case and surrounding spaces aside.
    public static string? RustBuild(string value) =>
        Normal(value) is "auto" or "bpf" or "host" ? null : "is not bpf, host or auto";

    public static string? BuildStd(string value) =>
        Normal(value) is "auto" or "true" or "false" ? null : "is not true, false or auto";

    /// <summary>BpfDebugAssertions and BpfOverflowChecks.</summary>
    public static string? ProfileCheck(string value) =>
        Normal(value) is "true" or "false" or "profile" ? null : "is not true, false or profile (as the cargo profile says)";

    public static string? Switch(string value) =>
        Normal(value) is "true" or "false" ? null : "is not true or false";

    /// <summary>major.minor or major.minor.patch; null otherwise.</summary>
    public static Version? ParseKernelVersion(string text) =>
        Version.TryParse(text, out var version) && version.Revision < 0 && text.All(c => char.IsAsciiDigit(c) || c == '.')
            ? version
            : null;

    private static string Normal(string value) => value.Trim().ToLowerInvariant();

    private static bool IsFeatureFlag(string flag) =>
        flag.Length > 1 && flag[0] is '+' or '-' && flag.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
