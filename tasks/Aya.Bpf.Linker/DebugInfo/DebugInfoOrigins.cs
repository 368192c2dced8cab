namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>Where a BTF name came from: the Rust (or C) name and, when debug info knows it, the declaration.</summary>
internal sealed record DebugInfoOrigin(string SourceName, string? File, int Line);

/// <summary>
/// Maps the names BTF will carry back to the debug info they came from, so a BTF problem found after
/// code generation can name the Rust type and its source location.
/// </summary>
internal sealed class DebugInfoOrigins
{
    private readonly Dictionary<string, DebugInfoOrigin> _byBtfName = new(StringComparer.Ordinal);

    public int Count => _byBtfName.Count;

    /// <summary>Records an origin; the first one recorded for a BTF name wins.</summary>
    public void Add(string btfName, DebugInfoOrigin origin) => _byBtfName.TryAdd(btfName, origin);

    public DebugInfoOrigin? Find(string? btfName) =>
        btfName is not null && _byBtfName.TryGetValue(btfName, out var origin) ? origin : null;
}
