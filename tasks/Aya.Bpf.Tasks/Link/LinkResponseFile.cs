namespace Aya.Bpf.Tasks.Link;

/// <summary>What the linker's <c>link</c> command is asked to do.</summary>
internal sealed record LinkRequest(
    string LlvmLibrary,
    string Manifest,
    IReadOnlyList<string> Bitcode,
    string Target,
    string Cpu,
    string CpuFeatures,
    string OptimizationLevel,
    string Output,
    string KernelBaseline = "",
    bool FromHost = false,
    string License = "",
    SourcePathSettings? SourcePaths = null,
    string? Project = null);

internal static class LinkResponseFile
{
    /// <summary>The response file's lines: each option and each value on a line of its own, so paths need no quoting.</summary>
    public static IReadOnlyList<string> Lines(LinkRequest request)
    {
        List<string> lines = ["--llvm", request.LlvmLibrary, "--manifest", request.Manifest];
        foreach (var bitcode in request.Bitcode)
            lines.AddRange(["--input", bitcode]);
        lines.AddRange(["--target", request.Target, "--cpu", request.Cpu]);
        if (!string.IsNullOrWhiteSpace(request.CpuFeatures))
            lines.AddRange(["--cpu-features", request.CpuFeatures.Trim()]);
        lines.AddRange(["-O", request.OptimizationLevel]);
        if (!string.IsNullOrWhiteSpace(request.KernelBaseline))
            lines.AddRange(["--kernel-baseline", request.KernelBaseline.Trim()]);
        if (request.FromHost)
            lines.AddRange(["--rust-build", "host"]);
        if (request.License.Length > 0)
            lines.AddRange(["--license", request.License]);
        if (request.SourcePaths is { } paths)
        {
            lines.AddRange(["--source-root", paths.Root]);
            if (paths.Area is not null)
                lines.AddRange(["--source-area", paths.Area]);
            foreach (var (from, to) in paths.PathMap)
                lines.AddRange(["--path-map", $"{from}={to}"]);
        }
        if (!string.IsNullOrEmpty(request.Project))
            lines.AddRange(["--project", request.Project]);
        lines.AddRange(["--output", request.Output]);
        return lines;
    }
}
