namespace Aya.Bpf.Linker.Cli;

/// <summary>The <c>link</c> command's options, as the BpfLink task writes them (one argument per line of an @file).</summary>
internal sealed record LinkOptions
{
    public required string LlvmLibrary { get; init; }
    public required string Output { get; init; }
    public string? Manifest { get; init; }
    public IReadOnlyList<string> Inputs { get; init; } = [];
    public IReadOnlyList<string> Exports { get; init; } = [];
    public string Target { get; init; } = "bpfel";
    public string Cpu { get; init; } = "v3";
    public string CpuFeatures { get; init; } = "";
    public int OptimizationLevel { get; init; } = 2;

    /// <summary>The oldest kernel whose BTF rules the link checks (name length, which kinds exist); 6.1 by default.</summary>
    public Version KernelBaseline { get; init; } = new(6, 1);

    /// <summary>The license to give a program that declares none (BpfLicense); null: none.</summary>
    public string? License { get; init; }

    /// <summary>The Rust bitcode was compiled for the host target and is retargeted to BPF (see <see cref="Link.HostRetarget"/>).</summary>
    public bool FromHost { get; init; }

    /// <summary>Source paths in debug info are made relative to this folder (the cargo workspace); null keeps them absolute.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>Files in this folder (the repository) are made relative to <see cref="SourceRoot"/>; null: the root's parent.</summary>
    public string? SourceArea { get; init; }

    /// <summary>The project whose settings the link uses: the place of an error about one of them.</summary>
    public string? Project { get; init; }

    /// <summary>Prefixes of other source paths replaced first (cargo's registry: dropped).</summary>
    public IReadOnlyList<(string From, string To)> PathMap { get; init; } = [];

    /// <summary>Parses the arguments; returns null and an error text when they do not make sense.</summary>
    public static LinkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var expanded = ExpandResponseFiles(args);
        string? llvm = null, output = null, manifest = null, project = null, license = null, sourceRoot = null, sourceArea = null;
        string target = "bpfel", cpu = "v3", features = "";
        var level = 2;
        var baseline = new Version(6, 1);
        var fromHost = false;
        List<string> inputs = [], exports = [];
        List<(string, string)> pathMap = [];
        for (var i = 0; i < expanded.Count; i++)
        {
            var name = expanded[i];
            if (i + 1 >= expanded.Count)
            {
                error = $"option '{name}' needs a value";
                return null;
            }
            var value = expanded[++i];
            switch (name)
            {
                case "--llvm": llvm = value; break;
                case "--output": output = value; break;
                case "--manifest": manifest = value; break;
                case "--project": project = value; break;
                case "--input": inputs.Add(value); break;
                case "--export": exports.Add(value); break;
                case "--target": target = value; break;
                case "--cpu": cpu = value; break;
                case "--cpu-features": features = value; break;
                case "--license": license = value; break;
                case "--source-root": sourceRoot = value; break;
                case "--source-area": sourceArea = value; break;
                case "--path-map" when value.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals:
                    pathMap.Add((value[..equals], value[(equals + 1)..]));
                    break;
                case "--path-map":
                    error = $"path map '{value}' is not FROM=TO";
                    return null;
                case "-O" when int.TryParse(value, out var parsed) && parsed is >= 0 and <= 3: level = parsed; break;
                case "-O":
                    error = $"optimization level '{value}' is not one of 0, 1, 2, 3";
                    return null;
                case "--kernel-baseline" when ParseKernelVersion(value) is { } version:
                    baseline = version;
                    break;
                case "--rust-build" when value is "host" or "bpf":
                    fromHost = value == "host";
                    break;
                case "--rust-build":
                    error = $"rust build '{value}' is not host or bpf";
                    return null;
                case "--kernel-baseline":
                    error = $"kernel baseline '{value}' is not a version such as 6.1";
                    return null;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }
        if (target is not ("bpfel" or "bpfeb"))
        {
            error = $"target '{target}' is not bpfel or bpfeb";
            return null;
        }
        if (llvm is null || output is null)
        {
            error = "--llvm and --output are required";
            return null;
        }
        error = null;
        return new LinkOptions
        {
            LlvmLibrary = llvm,
            Output = output,
            Manifest = manifest,
            Project = project,
            Inputs = inputs,
            Exports = exports,
            Target = target,
            Cpu = cpu,
            CpuFeatures = features,
            OptimizationLevel = level,
            KernelBaseline = baseline,
            License = license,
            FromHost = fromHost,
            SourceRoot = sourceRoot,
            SourceArea = sourceArea,
            PathMap = pathMap,
        };
    }

    /// <summary>A kernel version, <c>major.minor</c> or <c>major.minor.patch</c> with a major of at least 4; null otherwise.</summary>
    internal static Version? ParseKernelVersion(string text) =>
        Version.TryParse(text, out var version) && version.Revision < 0 && version.Major >= 4 ? version : null;

    private static List<string> ExpandResponseFiles(IReadOnlyList<string> args)
    {
        List<string> expanded = [];
        foreach (var arg in args)
        {
            if (arg.StartsWith('@'))
                expanded.AddRange(File.ReadAllLines(arg[1..]).Where(line => line.Length > 0));
            else
                expanded.Add(arg);
        }
        return expanded;
    }
}
