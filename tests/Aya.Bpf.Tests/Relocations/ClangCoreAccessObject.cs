using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// The core-access fixture's C twin (core-access/c/core-access.c) compiled by clang-14 against the running
/// kernel's vmlinux.h, in a temporary directory of its own. vmlinux.h, not a minimal task_struct, so that
/// task_struct is the kernel's whole type as the Rust bindings are: its type-size record then names the
/// same type on both sides, and bpftool writes the header in well under a second.
/// </summary>
internal sealed class ClangCoreAccessObject : IDisposable
{
    private readonly string _directory;

    private ClangCoreAccessObject(string directory) => _directory = directory;

    /// <summary>The object clang-14 made.</summary>
    public string ObjectPath => Path.Combine(_directory, "core-access.clang.o");

    /// <summary>Writes vmlinux.h from <paramref name="kernelBtf"/> and compiles <paramref name="source"/> with it.</summary>
    public static ClangCoreAccessObject Compile(string source, string kernelBtf)
    {
        string clang = RequiredTool.Clang14Path();
        ClangCoreAccessObject compiled = new(Directory.CreateTempSubdirectory("aya-core-clang-").FullName);
        try
        {
            File.WriteAllText(Path.Combine(compiled._directory, "vmlinux.h"), Bpftool.Run("btf", "dump", "file", kernelBtf, "format", "c"));
            CFixtureLink.Compile(clang, source, ["-I", compiled._directory, "-o", compiled.ObjectPath]);
            return compiled;
        }
        catch
        {
            compiled.Dispose();
            throw;
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
