using System.Text.RegularExpressions;

namespace Aya.Bpf.Tasks.Cargo;

/// <summary>One of cargo's own errors (not rustc's), with the place it points at, if any.</summary>
internal sealed record CargoError(string Message, string? File, int Line, int Column);

/// <summary>
/// Gathers cargo's own errors from its stderr text: an <c>error:</c> line, then maybe a
/// <c>--> Cargo.toml:21:10</c> pointer, and <c>Caused by:</c> sections whose indented lines say why.
/// </summary>
internal sealed partial class CargoErrorText(string manifestPath)
{
    private readonly List<CargoError> _errors = [];
    private CargoError? _open;
    private bool _inCause;

    public IReadOnlyList<CargoError> Errors
    {
        get
        {
            Close();
            return _errors;
        }
    }

    public void Add(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("error:", StringComparison.Ordinal))
        {
            Close();
            _open = new CargoError(trimmed["error:".Length..].Trim(), null, 0, 0);
        }
        else if (_open is null)
        {
            return;
        }
        else if (Pointer().Match(line) is { Success: true } pointer && _open.File is null)
        {
            var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, pointer.Groups[1].Value));
            _open = _open with { File = file, Line = int.Parse(pointer.Groups[2].Value), Column = int.Parse(pointer.Groups[3].Value) };
        }
        else if (trimmed == "Caused by:")
        {
            _inCause = true;
        }
        else if (_inCause && trimmed.Length > 0 && char.IsWhiteSpace(line[0]))
        {
            _open = _open with { Message = $"{_open.Message}: {trimmed}" };
        }
        else if (trimmed.Length > 0 && !char.IsWhiteSpace(line[0]))
        {
            Close(); // the next status line or warning
        }
    }

    private void Close()
    {
        if (_open is not null)
            _errors.Add(_open with { File = _open.File ?? manifestPath });
        _open = null;
        _inCause = false;
    }

    [GeneratedRegex(@"^\s*--> (.+):(\d+):(\d+)\s*$")]
    private static partial Regex Pointer();
}
