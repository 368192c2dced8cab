namespace Aya.Bpf.Tests.Integration;

/// <summary>Edits of a fixture's source text made for one test, each anchored on text the fixture must hold once.</summary>
internal static class SourceText
{
    /// <summary>The text of a file given relative to the workspace.</summary>
    public static string Read(FixtureWorkspace workspace, string relativePath) => File.ReadAllText(workspace.PathOf(relativePath));

    /// <summary>Writes <paramref name="text"/> (UTF-8) over a file given relative to the workspace.</summary>
    public static void Write(FixtureWorkspace workspace, string relativePath, string text) =>
        workspace.WriteFile(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary><paramref name="text"/> with <paramref name="anchor"/>, which must occur exactly once, replaced.</summary>
    public static string ReplaceOnce(string text, string anchor, string replacement)
    {
        Assert.AreEqual(1, Occurrences(text, anchor), $"The source should hold exactly one '{anchor}'.");
        return text.Replace(anchor, replacement, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of <paramref name="fragment"/>, which must occur exactly once in <paramref name="text"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        Assert.AreEqual(1, Occurrences(text, fragment), $"The source should hold exactly one '{fragment}'.");
        int at = text.IndexOf(fragment, StringComparison.Ordinal);
        return text.AsSpan(0, at).Count('\n') + 1;
    }

    private static int Occurrences(string text, string fragment)
    {
        int count = 0;
        for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
