namespace Aya.Bpf.Linker.Diagnostics;

/// <summary>Collects diagnostics and writes each to the output at once, so a later crash loses none.</summary>
internal sealed class DiagnosticLog(TextWriter output)
{
    private readonly List<Diagnostic> _reported = [];
    // Each line printed, with its diagnostic and how many times it was reported.
    private readonly Dictionary<string, (Diagnostic First, int Times)> _printed = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Reported => _reported;

    public bool HasErrors => _reported.Exists(d => d.Severity == Severity.Error);

    /// <summary>How many errors were reported so far: a stage compares it before and after itself.</summary>
    public int ErrorCount => _reported.Count(d => d.Severity == Severity.Error);

    /// <summary>Turns a file named by debug info back into the path the build's messages should open.</summary>
    public Func<string, string> FileResolver { get; set; } = file => file;

    public void Report(Diagnostic diagnostic)
    {
        if (diagnostic.File is { } file)
            diagnostic = diagnostic with { File = FileResolver(file) };
        _reported.Add(diagnostic);
        // The same finding twice (one LLVM message per inlined copy of a call) is printed once.
        var line = diagnostic.ToCanonicalString();
        if (_printed.TryGetValue(line, out var printed))
        {
            _printed[line] = printed with { Times = printed.Times + 1 };
            return;
        }
        _printed[line] = (diagnostic, 1);
        output.WriteLine(line);
        output.Flush();
    }

    public void Error(string code, string message, string? file = null) =>
        Report(new Diagnostic(Severity.Error, code, message, file));

    public void Warning(string code, string message, string? file = null) =>
        Report(new Diagnostic(Severity.Warning, code, message, file));

    /// <summary>
    /// Says how often each diagnostic printed once was reported (LLVM can report one stack overflow
    /// thousands of times), on progress lines the build shows at its default verbosity.
    /// </summary>
    public void SummariseRepeats()
    {
        foreach (var (diagnostic, times) in _printed.Values.Where(printed => printed.Times > 1))
        {
            var text = diagnostic.Message.Length > 80 ? diagnostic.Message[..77] + "..." : diagnostic.Message;
            Progress($"{diagnostic.Code} \"{text}\" was reported {times} times, shown once");
        }
    }

    /// <summary>Marks a line the build shows at every verbosity: a slow phase starting or ending.</summary>
    public const string ProgressPrefix = "progress: ";

    /// <summary>A phase's start or end, shown by the build at its default verbosity too.</summary>
    public void Progress(string text) => Info(ProgressPrefix + text);

    /// <summary>A progress line: plain text, shown at normal verbosity.</summary>
    public void Info(string text)
    {
        output.WriteLine(text);
        output.Flush();
    }
}
