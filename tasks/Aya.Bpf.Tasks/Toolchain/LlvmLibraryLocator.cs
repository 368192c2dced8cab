namespace Aya.Bpf.Tasks.Toolchain;

/// <summary>
/// Finds the shared libLLVM that a Rust toolchain ships in its sysroot. The linker must use that one:
/// bitcode is only guaranteed readable by the LLVM that wrote it.
/// </summary>
internal static class LlvmLibraryLocator
{
    /// <summary>The folder of the sysroot where the library lives on this OS.</summary>
    public static string LibraryFolder(string sysroot) =>
        Path.Combine(sysroot, OperatingSystem.IsWindows() ? "bin" : "lib");

    /// <returns>The loadable library, or null when the folder holds none.</returns>
    public static string? Find(string sysroot)
    {
        var folder = LibraryFolder(sysroot);
        if (!Directory.Exists(folder))
            return null;
        var pattern = OperatingSystem.IsWindows() ? "*LLVM*.dll" : OperatingSystem.IsMacOS() ? "libLLVM*.dylib" : "libLLVM*.so*";
        return Directory.EnumerateFiles(folder, pattern)
            .Select(ResolveLinks)
            .Where(IsBinaryLibrary)
            .Distinct(StringComparer.Ordinal)
            // rustup's libLLVM.so.<version> is the real file; libLLVM-<major>-rust-*.so is a linker script.
            .OrderBy(path => Path.GetFileName(path).StartsWith("libLLVM.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static string ResolveLinks(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    // Linker scripts and dangling links are not loadable: keep only ELF, Mach-O and PE files.
    private static bool IsBinaryLibrary(string path)
    {
        if (!File.Exists(path))
            return false;
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length)
            return false;
        return magic is [0x7F, (byte)'E', (byte)'L', (byte)'F']
            || magic is [0xCF, 0xFA, 0xED, 0xFE] or [0xFE, 0xED, 0xFA, 0xCF] or [0xCA, 0xFE, 0xBA, 0xBE]
            || magic is [(byte)'M', (byte)'Z', _, _];
    }
}
