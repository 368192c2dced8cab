namespace Aya.Bpf.Linker.Diagnostics;

internal enum Severity
{
    Message,
    Warning,
    Error,
}

/// <summary>
/// One finding of the linker. It crosses the process boundary to the MSBuild task as a line in
/// MSBuild's canonical format, which the task host turns back into an error or warning event.
/// </summary>
internal sealed record Diagnostic(Severity Severity, string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    public const string Origin = "Aya.Bpf.Linker";

    public string ToCanonicalString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var origin = File is null ? Origin : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        // Canonical lines are single-line: keep LLVM's multi-line texts readable on one line.
        var text = Message.Trim().ReplaceLineEndings(" | ");
        return $"{origin} : {kind} {Code}: {text}";
    }
}
