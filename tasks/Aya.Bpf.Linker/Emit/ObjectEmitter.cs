using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Emit;

/// <summary>Runs BPF code generation and returns the ELF object's bytes.</summary>
internal static class ObjectEmitter
{
    public static byte[]? Emit(LlvmContext context, TargetMachine machine, LlvmModule module, DiagnosticLog log)
    {
        var bytes = machine.TryEmitObject(module, out var error);
        // The BPF backend reports what it cannot compile (e.g. an unsupported call) as diagnostics.
        var others = StackLimit.Report(context, module, context.TakeDiagnostics(), log, out var overflowed);
        var failed = LlvmDiagnosticReporter.Report(others, log, DiagnosticCodes.LlvmError, "BPF code generation") | overflowed;
        if (bytes is null && !failed)
            log.Error(DiagnosticCodes.CodegenFailed, $"BPF code generation failed: {error}");
        return failed ? null : bytes;
    }

    /// <summary>Writes through a temporary file so a failed or cancelled build never leaves half an object.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
