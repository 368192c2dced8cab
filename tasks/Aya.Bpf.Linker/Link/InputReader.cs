using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Linker.Link;

/// <summary>Collects the bitcode of every input, in order, and refuses an object file that carries none.</summary>
internal static class InputReader
{
    public static List<BitcodeBlob> Read(IEnumerable<string> paths, DiagnosticLog log)
    {
        List<BitcodeBlob> blobs = [];
        foreach (var path in paths)
        {
            var errorsBefore = log.ErrorCount;
            var found = BitcodeCollector.Collect(path, log);
            blobs.AddRange(found);
            // An archive may rightly hold no code (a crate of generics only); a lone object may not.
            var silent = log.ErrorCount == errorsBefore;
            if (found.Count == 0 && silent && !InputDetector.IsArchiveFile(path))
                log.Error(DiagnosticCodes.InputHasNoBitcode, $"{path} holds no LLVM bitcode. {InputAdvice.ProvideBitcode}", path);
        }
        return blobs;
    }
}
