using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// Keeps the rlibs of cargo's target dir as rustc linked them. The link runs after cargo exits,
/// and another project's cargo sharing the target dir may rebuild an rlib meanwhile (rustc writes
/// it aside and renames it into place): a hard link taken now, while cargo holds the build
/// directory's lock, keeps the file rustc meant, at no cost in disk space.
/// </summary>
internal static partial class ArchiveSnapshot
{
    /// <summary>Whether an archive is cargo's to rebuild: it lies in the folder of the link's output, the profile's deps folder.</summary>
    public static bool IsCargos(string archive, string? outputDirectory) =>
        outputDirectory is not null && string.Equals(Path.GetDirectoryName(archive), outputDirectory, StringComparison.Ordinal);

    /// <summary>Hard-links <paramref name="archive"/> as <paramref name="snapshot"/> (a new file), or copies it where the file system cannot.</summary>
    public static void Take(string archive, string snapshot)
    {
        if (!OperatingSystem.IsWindows() && HardLink(archive, snapshot) == 0)
            return;
        // Another file system (obj/ and the target dir on different mounts) or none that links.
        File.Copy(archive, snapshot, overwrite: true);
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int HardLink(string existing, string created);
}
