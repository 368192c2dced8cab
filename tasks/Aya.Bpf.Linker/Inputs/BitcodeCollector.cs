using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>Finds all LLVM bitcode (and text IR) in one input file, whatever its container.</summary>
internal static class BitcodeCollector
{
    /// <summary>
    /// Reads the file, detects its kind, returns every blob in order; reports problems to log and
    /// returns what it could read. Never throws for bad input (IO errors become diagnostics).
    /// A file that holds no bitcode but is not broken (an ELF object without <c>.llvmbc</c>, an
    /// empty archive) yields no blob and no diagnostic: whether that is an error is the caller's call.
    /// </summary>
    public static IReadOnlyList<BitcodeBlob> Collect(string path, DiagnosticLog log)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            log.Error(DiagnosticCodes.InputMissing, $"Input file {path} does not exist. {InputAdvice.CheckPath}", path);
            return [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            log.Error(DiagnosticCodes.InputMissing, $"Input file {path} cannot be read: {exception.Message} {InputAdvice.CheckPath}", path);
            return [];
        }

        var search = new BitcodeSearch(path, log);
        search.Visit(path, content, archiveDepth: 0);
        return search.Found;
    }
}
