namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// The <c>capture</c> command: rustc runs it (through the SDK's shim) as the BPF target's linker.
/// It links nothing: it records rustc's exports and inputs in a <see cref="LinkManifest"/> for the
/// BpfLink step, which links with the project's settings after cargo is done.
/// </summary>
internal static class CaptureCommand
{
    // rustc's synthetic object that references the exported symbols to keep them alive; it is
    // plain ELF without bitcode, and the export list says the same.
    private const string RustcSymbolsObject = "symbols.o";

    public static int Run(string[] args, TextWriter output) => Run(args, output, Console.Error);

    /// <param name="args">The manifest path, then rustc's linker arguments.</param>
    /// <param name="output">Unused on success: rustc shows a linker's output as noise.</param>
    /// <param name="error">Receives the one line that explains a failure.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
            return Fail(error, "usage: capture <manifest> <rustc linker arguments...>");
        // Build scripts that find the capture on PATH as bpf-linker may ask it what it is.
        if (args[1..] is ["--version"] or ["-V"] or ["--help"])
        {
            output.WriteLine("bpf-linker (Aya.Bpf.Sdk's link capture: the SDK links after cargo is done)");
            return 0;
        }
        // Only a host build sets the variable; only then can a link be a host tool's.
        var captureDirectory = Environment.GetEnvironmentVariable(HostLinkPassthrough.CaptureDirectoryVariable);
        if (!string.IsNullOrEmpty(captureDirectory)
            && HostLinkPassthrough.IsHostToolLink(captureDirectory, HostLinkPassthrough.OutputOf(CaptureArguments.ExpandResponseFiles(args[1..]))))
            return HostLinkPassthrough.Run(args[1..], error);
        var parsed = CaptureArguments.Parse(args[1..], out var parseError);
        if (parsed is null)
            return Fail(error, parseError!);
        try
        {
            var manifestPath = Path.GetFullPath(args[0]);
            var manifest = Capture(parsed, manifestPath);
            WriteIfDifferent(manifest, manifestPath);
            // cargo uplifts the linker's output into its target dir and reuses it while the crate is
            // fresh, without running the linker again. Keeping the manifest there too lets the build
            // restore the right one when it switches back to an earlier feature set or target.
            if (parsed.Output is { } linkOutput)
                manifest.Write(linkOutput);
            output.Flush();
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, e.Message);
        }
    }

    private static LinkManifest Capture(CaptureArguments parsed, string manifestPath)
    {
        var exports = ReadExports(parsed.ExportSymbolsFile).Concat(parsed.ExtraExports).Distinct(StringComparer.Ordinal).ToList();

        // One folder per link output (its name carries cargo's hash), so builds of other features
        // or targets keep theirs. A relink of the same output starts it afresh.
        var outputName = parsed.Output is null ? "link" : Path.GetFileName(parsed.Output);
        var copyDirectory = Path.Combine(Path.GetDirectoryName(manifestPath)!, "inputs", outputName);
        if (Directory.Exists(copyDirectory))
            Directory.Delete(copyDirectory, recursive: true);

        var outputDirectory = parsed.Output is null ? null : Path.GetDirectoryName(Path.GetFullPath(parsed.Output));
        List<string> inputs = [];
        HashSet<string> usedNames = new(StringComparer.Ordinal);
        foreach (var input in parsed.Inputs.Select(Path.GetFullPath))
        {
            if (Path.GetFileName(input) == RustcSymbolsObject)
                continue;
            if (!File.Exists(input))
                throw new FileNotFoundException($"linker input '{input}' does not exist");
            var isArchive = Inputs.InputDetector.IsArchiveFile(input);
            // A sysroot's archives never change under a build.
            if (isArchive && !ArchiveSnapshot.IsCargos(input, outputDirectory))
            {
                inputs.Add(input);
                continue;
            }
            // rustc deletes its temporary folder and the crate's own .rcgu.o files after the link,
            // and cargo may rebuild an rlib before the link step reads it.
            Directory.CreateDirectory(copyDirectory);
            var kept = Path.Combine(copyDirectory, UniqueName(Path.GetFileName(input), usedNames));
            if (isArchive)
                ArchiveSnapshot.Take(input, kept);
            else
                File.Copy(input, kept, overwrite: true);
            inputs.Add(kept);
        }
        return new LinkManifest(exports, inputs);
    }

    private static IEnumerable<string> ReadExports(string? exportSymbolsFile) =>
        exportSymbolsFile is null
            ? []
            : File.ReadAllLines(exportSymbolsFile).Select(line => line.Trim()).Where(line => line.Length > 0);

    private static string UniqueName(string name, HashSet<string> usedNames)
    {
        var candidate = name;
        for (var n = 2; !usedNames.Add(candidate); n++)
            candidate = $"{n}-{name}";
        return candidate;
    }

    // An unchanged manifest keeps its timestamp, so the link step stays up to date.
    private static void WriteIfDifferent(LinkManifest manifest, string path)
    {
        if (HoldsSameManifest(path, manifest))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved, so a reader never sees half a file.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        manifest.Write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool HoldsSameManifest(string path, LinkManifest manifest)
    {
        if (!File.Exists(path))
            return false;
        try
        {
            var existing = LinkManifest.Read(path);
            return existing.Exports.SequenceEqual(manifest.Exports, StringComparer.Ordinal)
                && existing.Inputs.SequenceEqual(manifest.Inputs, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            return false; // a damaged manifest is simply replaced
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"Aya.Bpf.Linker capture: error: {message}");
        error.Flush();
        return 1;
    }
}
