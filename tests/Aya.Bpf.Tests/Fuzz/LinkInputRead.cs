using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;
using Aya.Bpf.Linker.Link;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// Reads bytes as the link reads one input file: <see cref="InputReader"/> on a file holding them (it
/// detects the kind, unwraps, opens archives and ELF objects), then, as the module linker does before
/// LLVM sees a blob, the producer of each bitcode blob found.
/// </summary>
internal static class LinkInputRead
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string> { DiagnosticCodes.InputCorrupt, DiagnosticCodes.InputHasNoBitcode };

    public static IReadOnlyList<Diagnostic> Read(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aya-bpf-fuzz-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.o");
        var log = new DiagnosticLog(TextWriter.Null);
        File.WriteAllBytes(path, content);
        try
        {
            foreach (var blob in InputReader.Read([path], log).Where(b => !b.IsTextIr))
            {
                if (BitcodeProducer.TryRead(blob.Content.Span) is { } producer)
                    BitcodeProducer.TryParseLlvmVersion(producer);
            }
        }
        finally
        {
            File.Delete(path);
        }

        return log.Reported;
    }
}
