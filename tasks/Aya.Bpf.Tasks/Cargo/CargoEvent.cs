namespace Aya.Bpf.Tasks.Cargo;

/// <summary>One line of cargo's output, as the build cares about it.</summary>
internal abstract record CargoEvent;

internal enum DiagnosticSeverity
{
    Note,
    Warning,
    Error,
}

/// <summary>
/// A rustc diagnostic placed on its primary span, ready for MSBuild's canonical form
/// <c>file(line,col): error CODE: message</c>. <see cref="Rendered"/> is rustc's own text.
/// </summary>
internal sealed record CargoDiagnostic(
    DiagnosticSeverity Severity, string Code, string Message, string? File,
    int Line, int Column, int EndLine, int EndColumn, string? Rendered) : CargoEvent;

/// <summary>A unit cargo built, or found fresh.</summary>
internal sealed record CargoArtifact(
    string TargetName, IReadOnlyList<string> Kinds, string? Executable, IReadOnlyList<string> Filenames, bool Fresh) : CargoEvent
{
    public bool IsBin => Kinds.Contains("bin");
}

internal sealed record CargoBuildFinished(bool Success) : CargoEvent;

/// <summary>A JSON message of a kind the build does not use (build-script-executed, ...).</summary>
internal sealed record CargoOtherMessage(string Reason) : CargoEvent;

/// <summary>A line that is not JSON: cargo's own status and error text on stderr.</summary>
internal sealed record CargoTextLine(string Text) : CargoEvent;
