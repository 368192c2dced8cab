namespace Aya.Bpf.Linker.SourcePaths;

/// <summary>
/// Turns the absolute source paths of the build machine into paths that are the same in every
/// checkout: first the prefix maps (cargo's registry and git checkouts, the toolchain's rust-src),
/// then paths inside the checkout made relative to the source root (the cargo workspace), siblings
/// with <c>..</c>. Anything else (system headers) is left alone: it is the same on every machine.
/// </summary>
internal sealed class SourcePathMap
{
    private readonly string _root;
    private readonly string _area;
    private readonly IReadOnlyList<(string From, string To)> _prefixes;
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);

    /// <param name="root">The folder paths are made relative to (the cargo workspace root).</param>
    /// <param name="area">The folder whose files are made relative (the repository, else the root's parent).</param>
    /// <param name="prefixes">Prefix replacements, tried longest first.</param>
    public SourcePathMap(string root, string area, IEnumerable<(string From, string To)> prefixes)
    {
        _root = Canonical(root);
        _area = Canonical(area);
        _prefixes = [.. prefixes.Select(p => (Canonical(p.From), p.To)).OrderByDescending(p => p.Item1.Length)];
    }

    /// <summary>The machine-independent form of <paramref name="path"/> (an absolute path, or one relative to <paramref name="directory"/>).</summary>
    public string Map(string path, string directory = "")
    {
        var full = Path.IsPathRooted(path) || directory.Length == 0 ? path : Path.Combine(directory, path);
        if (!Path.IsPathRooted(full))
            return full;
        full = Path.GetFullPath(full);
        var mapped = MapFull(full);
        _originals.TryAdd(mapped, full);
        return mapped;
    }

    /// <summary>The absolute path a mapped path came from, for diagnostics that must open the file; other paths unchanged.</summary>
    public string Restore(string path) => _originals.TryGetValue(path, out var original) ? original : path;

    private string MapFull(string full)
    {
        foreach (var (from, to) in _prefixes)
        {
            if (IsUnder(full, from))
                return to + full[from.Length..];
        }
        if (IsUnder(full, _area) || IsUnder(full, _root))
            return Path.GetRelativePath(_root, full);
        return full;
    }

    // Folders are canonical with a trailing '/'; the filesystem root is never a folder to map.
    private static bool IsUnder(string path, string folder) =>
        folder.Length > 1 && path.StartsWith(folder, StringComparison.Ordinal);

    private static string Canonical(string folder)
    {
        if (folder.Length == 0)
            return "";
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return full == "/" ? "" : full + "/";
    }
}
