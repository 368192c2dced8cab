namespace Aya.Bpf.Tasks.Link;

/// <summary>
/// The scripts cargo and rustc run in place of tools (the BPF target's linker, <c>bpf-linker</c>,
/// a rustc wrapper): each runs one of the linker app's commands with its own leading arguments.
/// </summary>
internal static class LinkerShim
{
    public static string FileName(string baseName, bool windows) => windows ? baseName + ".cmd" : baseName;

    /// <param name="command">The linker app's command and its first arguments, e.g. <c>capture &lt;manifest&gt;</c>.</param>
    public static string Content(string dotnetHost, string linkerAssembly, IReadOnlyList<string> command, bool windows) =>
        windows
            ? $"""
               @rem Written by Aya.Bpf.Sdk: a stand-in for a tool of the Rust build, run by cargo or rustc.
               @"{dotnetHost}" "{linkerAssembly}" {string.Join(' ', command.Select(argument => $"\"{argument}\""))} %*
               @exit /b %ERRORLEVEL%

               """
            : $"""
               #!/bin/sh
               # Written by Aya.Bpf.Sdk: a stand-in for a tool of the Rust build, run by cargo or rustc.
               exec {ShellQuote(dotnetHost)} {ShellQuote(linkerAssembly)} {string.Join(' ', command.Select(ShellQuote))} "$@"

               """;

    // Single quotes keep every character literal; a single quote itself is closed, escaped, reopened.
    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
