namespace Aya.Bpf.Linker.SourcePaths;

/// <summary>
/// Makes the source root the linker's working directory while LLVM writes the object, so that the
/// relative paths debug info now holds open for the source text of BTF's line info.
/// </summary>
internal sealed class SourceRootDirectory : IDisposable
{
    private readonly string? _previous;

    private SourceRootDirectory(string? root)
    {
        if (root is null || !Directory.Exists(root))
            return;
        _previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = root;
    }

    /// <summary>Enters <paramref name="root"/>; null (absolute paths kept) changes nothing.</summary>
    public static SourceRootDirectory Enter(string? root) => new(root);

    public void Dispose()
    {
        if (_previous is not null)
            Environment.CurrentDirectory = _previous;
    }
}
