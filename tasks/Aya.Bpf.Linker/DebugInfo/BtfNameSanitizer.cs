using System.Security.Cryptography;
using System.Text;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Turns Rust debug-info names (<c>Wrapper&lt;u8&gt;</c>, <c>&amp;[u8]</c>, <c>{closure#0}</c>) into C identifiers,
/// the only names the kernel accepts for most BTF kinds. Pure and deterministic, so that linking the same
/// input twice, on any machine, gives the same BTF.
/// </summary>
internal static class BtfNameSanitizer
{
    /// <summary>Kernels before 6.1 need the terminating NUL within 128 bytes, so 127 bytes of name pass on every kernel.</summary>
    public const int MaxLength = 127;

    // 64 bits of SHA-256 make a collision between two long names of one program implausible.
    private const int HashDigits = 16;

    /// <summary>True for an ASCII C identifier of 1 to <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!BtfNameTokenizer.IsWordChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="name"/> itself when it is valid, else a valid identifier derived from it.</summary>
    public static string Sanitize(string name)
    {
        if (IsValid(name))
        {
            return name;
        }

        string result = Join(ToWords(BtfNameTokenizer.Tokenize(name)));
        if (result.Length == 0)
        {
            result = "anon";
        }
        else if (char.IsAsciiDigit(result[0]))
        {
            result = "_" + result;
        }

        return result.Length <= MaxLength ? result : Shorten(result, name);
    }

    /// <summary>Keeps the words and spells the punctuation that carries meaning (references, tuples, arrays, ...) as words.</summary>
    private static List<string> ToWords(List<BtfNameToken> tokens)
    {
        var words = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            BtfNameToken token = tokens[i];
            BtfNameToken next = i + 1 < tokens.Count ? tokens[i + 1] : BtfNameToken.End;
            if (token.IsWord)
            {
                // Only the last path segment: the crate and module path would spend the length budget on noise.
                // `Vec::<u8>` keeps `Vec`: a segment is dropped only when another segment follows.
                BtfNameToken after = i + 2 < tokens.Count ? tokens[i + 2] : BtfNameToken.End;
                if (next.Text == "::" && (after.IsWord || after.Text == "{"))
                {
                    i++;
                }
                else
                {
                    words.Add(token.Text);
                }

                continue;
            }

            switch (token.Text)
            {
                case "&" when next is { IsWord: true, Text: "mut" }:
                    words.Add("mut_ref");
                    i++;
                    break;
                case "&":
                    words.Add("ref");
                    break;
                case "*" when next is { IsWord: true, Text: "const" or "mut" }:
                    words.Add(next.Text + "_ptr");
                    i++;
                    break;
                case "(" when next.Text == ")":
                    words.Add("unit");
                    i++;
                    break;
                case "(":
                    // `fn(u8) -> u32` lists parameters, not a tuple.
                    if (i == 0 || tokens[i - 1] is not { IsWord: true, Text: "fn" })
                    {
                        words.Add("tuple");
                    }

                    break;
                case "[":
                    words.Add(IsArray(tokens, i) ? "array" : "slice");
                    break;
                case "!":
                    words.Add("never");
                    break;
                default:
                    // <, >, ',', ';', '{', '}', '#', '+', non-ASCII, ...: only separate words.
                    break;
            }
        }

        return words;
    }

    /// <summary>Whether the '[' at <paramref name="open"/> starts <c>[T; N]</c> rather than <c>[T]</c>.</summary>
    private static bool IsArray(List<BtfNameToken> tokens, int open)
    {
        int depth = 0;
        for (int i = open + 1; i < tokens.Count; i++)
        {
            switch (tokens[i].Text)
            {
                case "[":
                    depth++;
                    break;
                case "]" when depth == 0:
                    return false;
                case "]":
                    depth--;
                    break;
                case ";" when depth == 0:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Words joined by '_', runs of '_' collapsed, except the underscores the name starts with (<c>__0</c>).</summary>
    private static string Join(List<string> words)
    {
        string joined = string.Join('_', words);
        int leading = joined.Length - joined.TrimStart('_').Length;
        var result = new StringBuilder(joined, 0, leading, joined.Length);
        for (int i = leading; i < joined.Length; i++)
        {
            if (joined[i] != '_' || result[^1] != '_')
            {
                result.Append(joined[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Cuts to <see cref="MaxLength"/>; the hash of the original name keeps names that share a long prefix apart.</summary>
    private static string Shorten(string sanitized, string original)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(original));
        string prefix = sanitized[..(MaxLength - HashDigits - 1)].TrimEnd('_');
        return $"{prefix}_{Convert.ToHexStringLower(hash, 0, HashDigits / 2)}";
    }
}
