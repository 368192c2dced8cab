namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>A word (run of [A-Za-z0-9_]), "::" or one punctuation character of a Rust debug-info name.</summary>
internal readonly record struct BtfNameToken(string Text, bool IsWord)
{
    public static readonly BtfNameToken End = new("", IsWord: false);
}

/// <summary>Splits Rust debug-info names into <see cref="BtfNameToken"/>s for <see cref="BtfNameSanitizer"/>.</summary>
internal static class BtfNameTokenizer
{
    /// <summary>Raw identifiers lose their <c>r#</c>, lifetimes and whitespace are dropped.</summary>
    public static List<BtfNameToken> Tokenize(string name)
    {
        var tokens = new List<BtfNameToken>();
        int i = 0;
        while (i < name.Length)
        {
            char c = name[i];
            if (IsWordChar(c))
            {
                int start = i;
                i = SkipWord(name, i);
                // r#type is the identifier `type`: drop the r# and read the identifier on the next pass.
                if (i - start == 1 && c == 'r' && i + 1 < name.Length && name[i] == '#' && IsIdentifierStart(name[i + 1]))
                {
                    i++;
                    continue;
                }

                tokens.Add(new(name[start..i], IsWord: true));
            }
            else if (c == '\'' && i + 1 < name.Length && IsIdentifierStart(name[i + 1]))
            {
                // Lifetimes say nothing about layout.
                i = SkipWord(name, i + 1);
            }
            else if (c == ':' && i + 1 < name.Length && name[i + 1] == ':')
            {
                tokens.Add(new("::", IsWord: false));
                i += 2;
            }
            else
            {
                // Whitespace only separates words, and the sanitizer puts '_' between every two words anyway.
                if (!char.IsWhiteSpace(c))
                {
                    tokens.Add(new(c.ToString(), IsWord: false));
                }

                i++;
            }
        }

        return tokens;
    }

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static int SkipWord(string name, int i)
    {
        while (i < name.Length && IsWordChar(name[i]))
        {
            i++;
        }

        return i;
    }
}
