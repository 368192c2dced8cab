using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;

namespace Aya.Bpf.Tests.Support;

/// <summary>Runs the whole link pipeline in this process on text IR written to a folder.</summary>
internal static class PipelineRun
{
    public static (bool Ok, DiagnosticLog Log, string Output) Link(string directory, string ir, bool fromHost = false)
    {
        var input = Path.Combine(directory, "program.ll");
        File.WriteAllText(input, ir);
        return Link(directory, [input], fromHost);
    }

    public static (bool Ok, DiagnosticLog Log, string Output) Link(string directory, IReadOnlyList<string> inputs, bool fromHost = false)
    {
        var output = Path.Combine(directory, "program.bpf.o");
        var options = new LinkOptions { LlvmLibrary = "", Output = output, Inputs = inputs, OptimizationLevel = 2, FromHost = fromHost };
        var log = new DiagnosticLog(TextWriter.Null);
        var ok = new LinkPipeline(options, log).Run();
        return (ok, log, output);
    }
}
