using System.Text;

namespace Aya.Bpf.Linker.Skeleton;

/// <summary>
/// Rust and C names made C# names: snake_case and SCREAMING_CASE words become PascalCase
/// (<c>MAX_LENGTH</c> is <c>MaxLength</c>, <c>data_end</c> is <c>DataEnd</c>), names already in
/// camel or Pascal case keep their humps, and what cannot start an identifier gets a leading '_'.
/// </summary>
internal static class CSharpNames
{
    public static string Pascal(string? name)
    {
        var words = Words(name ?? "");
        if (words.Count == 0)
            return "Anonymous";
        var result = new StringBuilder();
        foreach (var word in words)
        {
            var allUpper = word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(allUpper ? word[1..].ToLowerInvariant() : word[1..]);
        }
        return char.IsDigit(result[0]) ? "_" + result : result.ToString();
    }

    // C#'s reserved keywords: a namespace part that is one is written verbatim (@event).
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A namespace: each dot-separated part that is not a C# name already is made one.</summary>
    public static string Namespace(string name)
    {
        var parts = name.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => !IsIdentifier(part) ? Pascal(part) : s_keywords.Contains(part) ? "@" + part : part).ToList();
        return parts.Count == 0 ? "Bpf" : string.Join('.', parts);
    }

    private static bool IsIdentifier(string part) =>
        (char.IsAsciiLetter(part[0]) || part[0] == '_') && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Text as a C# string literal's contents.</summary>
    public static string Literal(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }
            if (current.Length > 0)
                words.Add(current.ToString());
            current.Clear();
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }
}

/// <summary>The names taken in one C# scope: a second taker of a name gets it with a number.</summary>
internal sealed class NameScope(params string[] reserved)
{
    private readonly HashSet<string> _taken = new(reserved, StringComparer.Ordinal);

    public string Take(string wanted)
    {
        var name = wanted;
        for (var n = 2; !_taken.Add(name); n++)
            name = wanted + n;
        return name;
    }
}
