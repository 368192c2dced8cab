using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Templates;

/// <summary>The template package as a whole: what `dotnet new` lists, what it makes of a name, and what every template's files promise.</summary>
[TestClass]
public sealed class TemplatePackageTests
{
    /// <summary>
    /// The projects `dotnet new` writes restore the SDK, and the runtime, this checkout packs: the
    /// pins cannot drift from AyaBpfSdkVersion.
    /// </summary>
    [TestMethod]
    public void EveryTemplatesProject_PinsTheSdkVersionThisRepositoryPacks()
    {
        string version = RepositoryRoot.PackageVersion();

        IReadOnlyList<TemplateContent> templates = TemplateContent.All();

        CollectionAssert.AreEquivalent(TemplatePackage.ShortNames, templates.Select(t => t.ShortName).ToArray(), "templates under templates/content");
        foreach (TemplateContent template in templates)
        {
            string project = Assert.ContainsSingle(template.Files().Where(file => file.EndsWith(".bpfproj", StringComparison.Ordinal)), template.Directory);
            string? sdk = XDocument.Load(Path.Combine(template.Directory, project)).Root?.Attribute("Sdk")?.Value;
            Assert.AreEqual($"Aya.Bpf.Sdk/{version}", sdk, $"the Sdk attribute of {template.ShortName}'s {project}");
            foreach (string app in template.Files().Where(file => file.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                XElement? runtime = XDocument.Load(Path.Combine(template.Directory, app)).Descendants("PackageReference")
                    .SingleOrDefault(reference => reference.Attribute("Include")?.Value == "Aya.Bpf.Runtime");
                Assert.AreEqual(version, runtime?.Attribute("Version")?.Value, $"the Aya.Bpf.Runtime version of {template.ShortName}'s {app}");
            }
        }
    }

    /// <summary>
    /// Every value a symbol replaces stands in the template's files, and every file name it renames
    /// in a file's name: else its option would change nothing, silently.
    /// </summary>
    [TestMethod]
    public void EverySymbolsPlaceholder_StandsInTheTemplatesFiles()
    {
        foreach (TemplateContent template in TemplateContent.All())
        {
            IReadOnlyList<string> files = template.Files();
            string text = string.Concat(files.Select(file => File.ReadAllText(Path.Combine(template.Directory, file))));
            foreach ((string symbol, JsonNode? definition) in template.Config()["symbols"]!.AsObject())
            {
                if (definition?["replaces"]?.GetValue<string>() is { } replaces)
                    StringAssert.Contains(text, replaces, $"{template.ShortName}: symbol {symbol} replaces '{replaces}'");
                if (definition?["fileRename"]?.GetValue<string>() is { } renamed)
                    Assert.IsTrue(files.Any(file => Path.GetFileName(file).Contains(renamed, StringComparison.Ordinal)), $"{template.ShortName}: symbol {symbol} renames '{renamed}' in [{string.Join(", ", files)}]");
            }
        }
    }

    /// <summary>The crate templates are Rust; the console app's is C#, which `dotnet new` shows as its default language, in brackets.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void List_ShowsEveryTemplate_WithItsLanguage()
    {
        ProcessResult list = TemplatePackage.New(RepositoryRoot.Path, "list");

        Assert.IsTrue(list.Succeeded, list.Output);
        // Rows are columns apart by two spaces or more: name, short name, language, tags.
        string[][] rows = [.. list.StandardOutput.Split('\n').Select(line => Regex.Split(line.Trim(), " {2,}"))];
        foreach (string shortName in TemplatePackage.ShortNames)
        {
            string[] row = Assert.ContainsSingle(rows.Where(columns => columns.Length >= 3 && columns[1] == shortName), list.StandardOutput);
            Assert.AreEqual(shortName == "aya-xdp-console" ? "[C#]" : "Rust", row[2], $"language of {shortName}: {string.Join(" | ", row)}");
        }
    }

    /// <summary>A name that is no cargo name becomes one (lower case, dashes, no leading digit), and so do the project's file name and the default program name.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Name_BecomesTheCrateAndProjectName_AndTheDefaultProgramName()
    {
        using TempDirectory output = new();

        ProcessResult created = TemplatePackage.New(output.Path, "aya-xdp", "-n", "2 Fast.Packets", "-o", output.Path);

        Assert.IsTrue(created.Succeeded, created.Output);
        CollectionAssert.AreEquivalent(
            (string[])["bpf-2-fast-packets.bpfproj", "Cargo.toml", "README.md", Path.Combine("src", "main.rs")],
            System.IO.Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(output.Path, file)).ToArray());
        StringAssert.Contains(File.ReadAllText(output.Combine("Cargo.toml")), "name = \"bpf-2-fast-packets\"");
        string main = File.ReadAllText(output.Combine("src", "main.rs"));
        StringAssert.Contains(main, "pub fn bpf_2_fast_packets(ctx: XdpContext) -> u32");
        StringAssert.Contains(main, "static PACKETS: HashMap<u32, u64>", "the default map name");
        StringAssert.StartsWith(File.ReadAllText(output.Combine("README.md")), "# 2 Fast.Packets\n", "the title is the name as given");
    }
}
