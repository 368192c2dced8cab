using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>Turns what LLVM reported on a context into coded build diagnostics.</summary>
internal static class LlvmDiagnosticReporter
{
    /// <summary>Reports the context's pending diagnostics; errors get <paramref name="errorCode"/>. Returns whether any was an error.</summary>
    public static bool Report(LlvmContext context, DiagnosticLog log, string errorCode, string what, string? file = null) =>
        Report(context.TakeDiagnostics(), log, errorCode, what, file);

    /// <summary>Reports <paramref name="diagnostics"/>, taken from a context; errors get <paramref name="errorCode"/>. Returns whether any was an error.</summary>
    public static bool Report(IEnumerable<LlvmDiagnostic> diagnostics, DiagnosticLog log, string errorCode, string what, string? file = null)
    {
        var failed = false;
        foreach (var diagnostic in diagnostics)
        {
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverityLevel.Error:
                    log.Error(errorCode, $"{what}: {diagnostic.Text}", file);
                    failed = true;
                    break;
                case DiagnosticSeverityLevel.Warning:
                    log.Warning(DiagnosticCodes.LlvmWarning, $"{what}: {diagnostic.Text}", file);
                    break;
                default:
                    break;
            }
        }
        return failed;
    }
}
