using System.Reflection;
using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tasks;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Docs;

/// <summary>
/// The user guide's error page (docs/errors.md) against the codes the build reports: every code of the
/// tasks (<see cref="ErrorCodes"/>) and the linker (<see cref="DiagnosticCodes"/>) has an entry of its
/// own, a heading <c>### BPFnnnn</c>, and no page under docs/ names a code that does not exist.
/// </summary>
[TestClass]
public sealed partial class ErrorCodeDocsTests
{
    /// <summary>Every code the SDK reports: the string constants of both code classes.</summary>
    private static readonly Lazy<IReadOnlySet<string>> s_codes = new(() =>
        new SortedSet<string>(CodesOf(typeof(ErrorCodes)).Concat(CodesOf(typeof(DiagnosticCodes))), StringComparer.Ordinal));

    private static string DocsDirectory => RepositoryRoot.Combine("docs");

    private static string ErrorsPage => Path.Combine(DocsDirectory, "errors.md");

    [TestMethod]
    public void EveryCodeTheBuildReportsHasAnEntryOnTheErrorsPage()
    {
        var missing = Missing(s_codes.Value, File.ReadAllText(ErrorsPage));

        Assert.IsEmpty(missing, $"docs/errors.md has no '### <code>' entry for {string.Join(", ", missing)}.");
    }

    [TestMethod]
    public void NoPageOfTheDocsNamesACodeThatDoesNotExist()
    {
        var unknown = Directory.EnumerateFiles(DocsDirectory, "*.md", SearchOption.AllDirectories)
            .SelectMany(page => Unknown(s_codes.Value, File.ReadAllText(page)).Select(code => $"{code} ({Path.GetFileName(page)})"))
            .ToList();

        Assert.IsEmpty(unknown, $"the docs name codes the build never reports: {string.Join(", ", unknown)}.");
    }

    [TestMethod]
    public void EachCodeHasOneEntryOnly()
    {
        var repeated = Entries(File.ReadAllText(ErrorsPage)).GroupBy(code => code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.IsEmpty(repeated, $"docs/errors.md has more than one entry for {string.Join(", ", repeated)}.");
    }

    /// <summary>The list the other tests check against comes from the code: both ranges, the first and last of each class.</summary>
    [TestMethod]
    public void TheCodesComeFromBothCodeClasses()
    {
        Assert.Contains(ErrorCodes.ToolNotFound, s_codes.Value);
        Assert.Contains(ErrorCodes.SettingInvalid, s_codes.Value);
        Assert.Contains(DiagnosticCodes.UsageError, s_codes.Value);
        Assert.Contains(DiagnosticCodes.LicenseDeclaredTwice, s_codes.Value);
        Assert.IsTrue(s_codes.Value.All(code => WholeCodePattern().IsMatch(code)), string.Join(", ", s_codes.Value));
    }

    [TestMethod]
    public void ACodeNamedOnlyInTextIsNoEntry()
    {
        const string page = """
            ### BPF2017

            *Warning.* Unlike BPF2018, see [`BPF2019`](#bpf2019).
            """;

        CollectionAssert.AreEqual(new[] { "BPF2018", "BPF2019" }, Missing(["BPF2017", "BPF2018", "BPF2019"], page).ToArray());
    }

    [TestMethod]
    public void ACodeNamedAnywhereOnAPageIsChecked()
    {
        const string page = """
            ## Link

            ### BPF2017

            Also BPF1004 in passing, and `BPF9999` in code.
            """;

        CollectionAssert.AreEqual(new[] { "BPF1004", "BPF9999" }, Unknown(["BPF2017"], page).ToArray());
    }

    /// <summary>The codes in <paramref name="codes"/> that have no entry on <paramref name="page"/>, in order.</summary>
    private static IEnumerable<string> Missing(IEnumerable<string> codes, string page)
    {
        var entries = Entries(page).ToHashSet(StringComparer.Ordinal);
        return codes.Where(code => !entries.Contains(code)).Order(StringComparer.Ordinal);
    }

    /// <summary>The codes <paramref name="page"/> names anywhere that are not in <paramref name="codes"/>, once each, in order.</summary>
    private static IEnumerable<string> Unknown(IEnumerable<string> codes, string page)
    {
        var known = codes.ToHashSet(StringComparer.Ordinal);
        return CodePattern().Matches(page).Select(m => m.Value).Where(code => !known.Contains(code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    /// <summary>The code of each entry heading (<c>### BPF2017</c>) on the page.</summary>
    private static IEnumerable<string> Entries(string page) =>
        EntryPattern().Matches(page).Select(m => m.Groups["code"].Value);

    private static IEnumerable<string> CodesOf(Type codes) =>
        codes.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);

    [GeneratedRegex(@"\bBPF[0-9]{4}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^BPF[0-9]{4}$")]
    private static partial Regex WholeCodePattern();

    [GeneratedRegex(@"^### (?<code>BPF[0-9]{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex EntryPattern();
}
