namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// What rustc passes its linker, reduced to what the capture needs: the export list file, the
/// inputs in order and the output path. The BPF target calls it with bpf-linker's command line; a
/// host build (BpfRustBuild=host) with the host's, in GNU ld or cc form.
/// </summary>
internal sealed record CaptureArguments(string? ExportSymbolsFile, IReadOnlyList<string> ExtraExports, IReadOnlyList<string> Inputs, string? Output)
{
    // Options whose value the capture reads elsewhere or does not need: CPU, features and the
    // optimisation level come from the project's BpfCpu etc., library paths only serve rustc's own
    // raw-dylib stubs. bpf-linker accepts the rest; taking them keeps `-C link-arg=...` from breaking.
    // -z and -m are the host linker's (ld's keywords and emulation), -plugin its LTO plugin.
    private static readonly HashSet<string> s_ignoredWithValue =
        ["--cpu", "--cpu-features", "-L", "--llvm-args", "--emit", "--target", "--log-level", "--log-file", "--dump-module",
         "-z", "-m", "-plugin"];

    // bpf-linker's flags, then what rustc gives a host executable's link: its layout, relocation and
    // library search settings describe a host program and mean nothing for a BPF object.
    private static readonly HashSet<string> s_ignoredFlags =
        ["--debug", "--btf", "--ignore-inline-never", "--allow-bpf-trap", "--unroll-loops",
         "--disable-expand-memcpy-in-order", "--disable-memory-builtins",
         "--as-needed", "--no-as-needed", "-Bstatic", "-Bdynamic", "--eh-frame-hdr", "--gc-sections", "--no-gc-sections",
         "-pie", "-no-pie", "-static", "-static-pie", "--strip-debug", "--strip-all", "-s", "-S", "--push-state", "--pop-state",
         "--no-undefined-version", "--build-id", "-nodefaultlibs", "-nostartfiles", "-nostdlib"];

    // The host cc's options that carry their value in the same argument: -Wl,<linker options>,
    // -plugin-opt=<LTO option>, -fuse-ld=<linker>, -B<tool dir>, -m64.
    private static readonly string[] s_ignoredPrefixes = ["-Wl,", "-plugin-opt=", "-fuse-ld=", "-B", "-m"];

    /// <summary>Parses the arguments; returns null and an error text for an option it does not know.</summary>
    public static CaptureArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var expanded = ExpandResponseFiles(args);
        string? exportSymbols = null, output = null;
        List<string> inputs = [], exports = [];
        for (var i = 0; i < expanded.Count; i++)
        {
            var arg = expanded[i];
            if (arg is "--export-symbols" or "--export" or "-o" || s_ignoredWithValue.Contains(arg))
            {
                if (i + 1 >= expanded.Count)
                {
                    error = $"option '{arg}' needs a value";
                    return null;
                }
                var value = expanded[++i];
                if (arg == "--export-symbols")
                    exportSymbols = value;
                else if (arg == "--export")
                    exports.Add(value);
                else if (arg == "-o")
                    output = value;
            }
            else if (s_ignoredFlags.Contains(arg) || IsAttachedOption(arg))
            {
                continue;
            }
            else if (arg.StartsWith('-'))
            {
                error = $"unsupported linker argument '{arg}'";
                return null;
            }
            else
            {
                inputs.Add(arg);
            }
        }
        error = null;
        return new CaptureArguments(exportSymbols, exports, inputs, output);
    }

    // -O3, -Os, -Oz and -L<dir> carry their value in the same argument.
    private static bool IsAttachedOption(string arg) =>
        (arg.StartsWith("-O", StringComparison.Ordinal) && arg.Length == 3) ||
        (arg.StartsWith("-L", StringComparison.Ordinal) && arg.Length > 2) ||
        s_ignoredPrefixes.Any(prefix => arg.Length > prefix.Length && arg.StartsWith(prefix, StringComparison.Ordinal));

    // rustc falls back to an @file when a command line gets too long: one argument per line,
    // with backslash escapes for spaces, quotes and backslashes.
    internal static List<string> ExpandResponseFiles(IReadOnlyList<string> args)
    {
        List<string> expanded = [];
        foreach (var arg in args)
        {
            if (arg.Length > 1 && arg[0] == '@' && File.Exists(arg[1..]))
                expanded.AddRange(File.ReadAllLines(arg[1..]).Where(line => line.Length > 0).Select(Unescape));
            else
                expanded.Add(arg);
        }
        return expanded;
    }

    private static string Unescape(string line)
    {
        var text = new System.Text.StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
            text.Append(line[i] == '\\' && i + 1 < line.Length ? line[++i] : line[i]);
        return text.ToString();
    }
}
