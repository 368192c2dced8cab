using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;

namespace Aya.Bpf.Tests.Support;

/// <summary>Tests that run the whole link pipeline in this process, on text IR written to a temporary folder of their own.</summary>
public abstract class PipelineTests
{
    /// <summary>The test's folder, deleted after it.</summary>
    protected string Scratch { get; private set; } = "";

    [TestInitialize]
    public void CreateScratch()
    {
        ToolchainLlvm.EnsureLoaded();
        Scratch = System.IO.Directory.CreateTempSubdirectory("aya-link-").FullName;
    }

    [TestCleanup]
    public void DeleteScratch() => System.IO.Directory.Delete(Scratch, recursive: true);

    /// <summary>Links <paramref name="ir"/>, as bitcode compiled for the host when <paramref name="fromHost"/>.</summary>
    private protected (bool Ok, DiagnosticLog Log, string Output) Link(string ir, bool fromHost = false, Func<LinkOptions, LinkOptions>? adjust = null)
    {
        var input = Path.Combine(Scratch, "program.ll");
        File.WriteAllText(input, ir);
        return Link([input], fromHost, adjust);
    }

    /// <param name="adjust">Changes the options (CPU, optimisation level...) before the link.</param>
    private protected (bool Ok, DiagnosticLog Log, string Output) Link(IReadOnlyList<string> inputs, bool fromHost = false, Func<LinkOptions, LinkOptions>? adjust = null)
    {
        var output = Path.Combine(Scratch, "program.bpf.o");
        // A host build's Rust reaches the link as cargo recorded it (the manifest); --input is BpfBitcode.
        var options = new LinkOptions { LlvmLibrary = "", Output = output, Inputs = inputs, OptimizationLevel = 2, FromHost = fromHost };
        if (fromHost)
        {
            var manifest = Path.Combine(Scratch, "link.json");
            new LinkManifest([], inputs).Write(manifest);
            options = options with { Inputs = [], Manifest = manifest };
        }
        if (adjust is not null)
            options = adjust(options);
        var log = new DiagnosticLog(TextWriter.Null);
        var ok = new LinkPipeline(options, log).Run();
        return (ok, log, output);
    }
}
