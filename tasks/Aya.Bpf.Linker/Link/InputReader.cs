using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Linker.Link;

/// <summary>Collects the bitcode of every input, in order, and refuses an object file that carries none.</summary>
internal static class InputReader
{
    /// <param name="compiledForHost">The inputs are a host build's Rust (see <see cref="BitcodeBlob.CompiledForHost"/>).</param>
    public static List<BitcodeBlob> Read(IEnumerable<string> paths, DiagnosticLog log, bool compiledForHost = false)
    {
        List<BitcodeBlob> blobs = [];
        foreach (var path in paths)
        {
            var errorsBefore = log.ErrorCount;
            var found = BitcodeCollector.Collect(path, log);
            blobs.AddRange(compiledForHost ? found.Select(blob => blob with { CompiledForHost = true }) : found);
            // An archive may rightly hold no code (a crate of generics only); a lone object may not.
            var silent = log.ErrorCount == errorsBefore;
            if (found.Count == 0 && silent && !InputDetector.IsArchiveFile(path))
                log.Error(DiagnosticCodes.InputHasNoBitcode, $"{path} holds no LLVM bitcode. {InputAdvice.ProvideBitcode}", path);
        }
        return blobs;
    }
}
