namespace Aya.Bpf.Tasks.Link;

/// <summary>
/// The script that cargo gives rustc as the BPF target's linker: it runs the linker app's
/// <c>capture</c> command, which records the link instead of doing it.
/// </summary>
internal static class LinkerShim
{
    public static string FileName(string baseName, bool windows) => windows ? baseName + ".cmd" : baseName;

    public static string Content(string dotnetHost, string linkerAssembly, string manifest, bool windows) =>
        windows
            ? $"""
               @rem Written by Aya.Bpf.Sdk: rustc runs this as its BPF linker; it records the link for BpfLink.
               @"{dotnetHost}" "{linkerAssembly}" capture "{manifest}" %*
               @exit /b %ERRORLEVEL%

               """
            : $"""
               #!/bin/sh
               # Written by Aya.Bpf.Sdk: rustc runs this as its BPF linker; it records the link for BpfLink.
               exec {ShellQuote(dotnetHost)} {ShellQuote(linkerAssembly)} capture {ShellQuote(manifest)} "$@"

               """;

    // Single quotes keep every character literal; a single quote itself is closed, escaped, reopened.
    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
