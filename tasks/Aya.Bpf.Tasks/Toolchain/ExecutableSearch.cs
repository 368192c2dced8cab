namespace Aya.Bpf.Tasks.Toolchain;

/// <summary>Finds rustup's commands (rustc, cargo) the way a shell would, plus rustup's own folder.</summary>
internal static class ExecutableSearch
{
    /// <returns>The full path, or null when the command is nowhere to be found.</returns>
    public static string? Find(string command)
    {
        var fileName = OperatingSystem.IsWindows() ? command + ".exe" : command;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            // Builds started from an IDE often lack ~/.cargo/bin on PATH although rustup put it there.
            .Append(CargoBinFolder());
        return folders.Select(folder => Path.Combine(folder.Trim('"'), fileName)).FirstOrDefault(File.Exists);
    }

    /// <summary>Where rustup installs its commands: $CARGO_HOME/bin, by default ~/.cargo/bin.</summary>
    public static string CargoBinFolder() =>
        Path.Combine(
            Environment.GetEnvironmentVariable("CARGO_HOME") is { Length: > 0 } home
                ? home
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo"),
            "bin");
}
