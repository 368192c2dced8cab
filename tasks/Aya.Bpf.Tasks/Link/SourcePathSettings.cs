namespace Aya.Bpf.Tasks.Link;

/// <summary>
/// What the linker is told so that the object's debug info names no folder of the build machine:
/// the folder paths become relative to (the cargo workspace), the checkout whose files are made
/// relative (the git repository around it, when there is one), and the prefixes dropped before that.
/// </summary>
internal sealed record SourcePathSettings(string Root, string? Area, IReadOnlyList<(string From, string To)> PathMap)
{
    /// <param name="root">The cargo workspace root.</param>
    /// <param name="cargoHome">CARGO_HOME: registry sources and git checkouts keep only their path below it.</param>
    /// <param name="rustSysroot">The toolchain's sysroot: rust-src (a build-std core) keeps its library path.</param>
    public static SourcePathSettings For(string root, string cargoHome, string? rustSysroot)
    {
        List<(string, string)> map =
        [
            (Path.Combine(cargoHome, "registry", "src"), ""),
            (Path.Combine(cargoHome, "git", "checkouts"), ""),
        ];
        if (!string.IsNullOrEmpty(rustSysroot))
            map.Add((Path.Combine(rustSysroot, "lib", "rustlib", "src", "rust"), ""));
        return new SourcePathSettings(Path.GetFullPath(root), RepositoryRoot(root), map);
    }

    /// <summary>CARGO_HOME as cargo finds it: the variable, else ~/.cargo.</summary>
    public static string CargoHome(Func<string, string?> environment) =>
        environment("CARGO_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding <c>.git</c> (a folder, or a worktree's file).</summary>
    internal static string? RepositoryRoot(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return current.FullName;
        }
        return null;
    }
}
