using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Emit;

/// <summary>Runs BPF code generation and returns the ELF object's bytes.</summary>
internal static class ObjectEmitter
{
    public static byte[]? Emit(LlvmContext context, TargetMachine machine, LlvmModule module, DiagnosticLog log)
    {
        FatalErrorReporter.Explain = JumpRange.Explainer(context, module);
        byte[]? bytes;
        string? error;
        try
        {
            bytes = machine.TryEmitObject(module, out error);
        }
        finally
        {
            FatalErrorReporter.Explain = null;
        }
        // The BPF backend reports what it cannot compile (e.g. an unsupported call) as diagnostics.
        var diagnostics = StackLimit.Report(context, module, context.TakeDiagnostics(), log, out var overflowed);
        diagnostics = ArgumentLimit.Report(context, module, diagnostics, log, out var tooManyArguments);
        var failed = LlvmDiagnosticReporter.Report(diagnostics, log, DiagnosticCodes.LlvmError, "BPF code generation") | overflowed | tooManyArguments;
        if (bytes is null && !failed)
            log.Error(DiagnosticCodes.CodegenFailed, $"BPF code generation failed: {error}");
        return failed ? null : bytes;
    }

    /// <summary>
    /// Writes through a temporary file so a failed or cancelled build never leaves half an object;
    /// returns why the object could not be written (a full disk, a folder it may not write), or null.
    /// </summary>
    public static string? WriteAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, TemporaryName(path, Environment.ProcessId));
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The build's BpfLink removes what a linker leaves behind.
            }
            return e.Message;
        }
    }

    /// <summary>The temporary file a linker process writes an object through: hidden, beside the object.</summary>
    public static string TemporaryName(string path, int processId) => $".{Path.GetFileName(path)}.{processId}.tmp";
}
