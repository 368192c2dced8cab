namespace Aya.Bpf.Linker.Diagnostics;

/// <summary>Collects diagnostics and writes each to the output at once, so a later crash loses none.</summary>
internal sealed class DiagnosticLog(TextWriter output)
{
    private readonly List<Diagnostic> _reported = [];

    public IReadOnlyList<Diagnostic> Reported => _reported;

    public bool HasErrors => _reported.Exists(d => d.Severity == Severity.Error);

    /// <summary>How many errors were reported so far: a stage compares it before and after itself.</summary>
    public int ErrorCount => _reported.Count(d => d.Severity == Severity.Error);

    public void Report(Diagnostic diagnostic)
    {
        _reported.Add(diagnostic);
        output.WriteLine(diagnostic.ToCanonicalString());
        output.Flush();
    }

    public void Error(string code, string message, string? file = null) =>
        Report(new Diagnostic(Severity.Error, code, message, file));

    public void Warning(string code, string message, string? file = null) =>
        Report(new Diagnostic(Severity.Warning, code, message, file));

    /// <summary>A progress line: plain text, shown at normal verbosity.</summary>
    public void Info(string text)
    {
        output.WriteLine(text);
        output.Flush();
    }
}
