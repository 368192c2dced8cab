using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Emit;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// Source files the build generates (C# skeletons, Rust kernel types): rewritten only when their text
/// changes, and every failure of a generator one coded line.
/// </summary>
internal static class GeneratedFile
{
    public static void WriteIfDifferent(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
            return;
        // As objects are written: through a temporary file of this process, removed when the write fails.
        if (ObjectEmitter.WriteAtomically(path, Encoding.UTF8.GetBytes(text)) is { } failure)
            throw new IOException(failure);
    }

    /// <summary>
    /// Runs a generator: a file that cannot be read or written is <paramref name="ioCode"/> at
    /// <paramref name="subject"/>, anything else unexpected a BPF2000 bug report, never a stack trace.
    /// </summary>
    public static int Generate(DiagnosticLog log, string what, string subject, string ioCode, Func<int> generate)
    {
        try
        {
            return generate();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error(ioCode, $"cannot write {what}: {e.Message}", subject);
            return 1;
        }
        catch (Exception e)
        {
            log.Error(DiagnosticCodes.UsageError,
                $"writing {what} failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a bug of the SDK; please report it.");
            return 1;
        }
    }
}
