using System.IO.Compression;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A .bpfproj rebuilds only when it must: a build with nothing changed links nothing and rewrites
/// nothing, `-question` passes after a build, and each kind of edit relinks. Clean removes what the
/// build wrote, and Rebuild relinks, also with a shared cargo target dir that Clean keeps.
/// </summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";
    private const string Object = "xdp-pass/obj/Release/xdp-pass.bpf.o";
    private const string Output = "xdp-pass/bin/Release/xdp-pass.bpf.o";

    [TestMethod]
    [TestCategory("Integration")]
    public void SecondBuild_LinksAndRewritesNothing_AndQuestionPasses()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        LinkMarkers.AssertLinked(workspace.Build(Project), workspace.PathOf(Object), "first build");
        DateTime[] written = [File.GetLastWriteTimeUtc(workspace.PathOf(Object)), File.GetLastWriteTimeUtc(workspace.PathOf(Output))];

        LinkMarkers.AssertNotLinked(workspace.Build(Project), workspace.PathOf(Object), "second build with nothing changed");
        BuildResult question = workspace.Build(Project, "-question");

        CollectionAssert.AreEqual(written, (DateTime[])[File.GetLastWriteTimeUtc(workspace.PathOf(Object)), File.GetLastWriteTimeUtc(workspace.PathOf(Output))], "object timestamps");
        Assert.IsTrue(question.Succeeded, $"dotnet build -question after a build: {question.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("rust source", DisplayName = "Editing a .rs file relinks")]
    [DataRow("Cargo.toml", DisplayName = "Editing Cargo.toml relinks")]
    [DataRow("Cargo.lock", DisplayName = "Editing Cargo.lock relinks")]
    [DataRow("bpfproj", DisplayName = "Editing the .bpfproj relinks")]
    [DataRow("property", DisplayName = "A property that changes the output relinks")]
    [DataRow("deleted module", DisplayName = "Deleting a source file (and its mod line) relinks")]
    public void AnEditThatChangesTheOutput_Relinks(string edit)
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string main = workspace.PathOf("xdp-pass/src/main.rs");
        if (edit == "deleted module")
        {
            File.AppendAllText(main, "\nmod extra;\n");
            File.WriteAllText(workspace.PathOf("xdp-pass/src/extra.rs"), "//! A module the test deletes.\n");
        }
        LinkMarkers.AssertLinked(workspace.Build(Project), workspace.PathOf(Object), "first build");
        LinkMarkers.AssertNotLinked(workspace.Build(Project), workspace.PathOf(Object), "second build");
        string[] arguments = [];

        switch (edit)
        {
            case "rust source":
                File.WriteAllText(main, File.ReadAllText(main).Replace("pass_verdict()", "choose(true, minicore::pass_verdict(), 1)", StringComparison.Ordinal));
                break;
            case "Cargo.toml":
                File.AppendAllText(workspace.PathOf("xdp-pass/Cargo.toml"), "\n[package.metadata.test]\nedited = true\n");
                break;
            case "Cargo.lock":
                File.AppendAllText(workspace.PathOf("xdp-pass/Cargo.lock"), "\n");
                break;
            case "bpfproj":
                File.WriteAllText(workspace.PathOf(Project), "<Project Sdk=\"Aya.Bpf.Sdk\">\n  <PropertyGroup>\n    <BpfOptimizationLevel>3</BpfOptimizationLevel>\n  </PropertyGroup>\n</Project>\n");
                break;
            case "property":
                arguments = ["-p:BpfCpu=v2"];
                break;
            case "deleted module":
                File.Delete(workspace.PathOf("xdp-pass/src/extra.rs"));
                File.WriteAllText(main, File.ReadAllText(main).Replace("\nmod extra;\n", "\n", StringComparison.Ordinal));
                break;
        }

        LinkMarkers.AssertLinked(workspace.Build(Project, arguments), workspace.PathOf(Object), $"build after the edit ({edit})");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Clean_RemovesWhatTheBuildWrote_AndRebuildRelinks()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        LinkMarkers.AssertLinked(workspace.Build(Project), workspace.PathOf(Object), "first build");

        BuildResult clean = workspace.BuildVerb("clean", Project);

        Assert.IsTrue(clean.Succeeded, clean.Describe());
        foreach (string written in (string[])[Object, Output, "xdp-pass/obj/Release/cargo", "xdp-pass/obj/Release/link"])
            Assert.IsFalse(Path.Exists(workspace.PathOf(written)), $"{written} survived Clean. {clean.Describe()}");
        LinkMarkers.AssertLinked(workspace.Build(Project, "-t:Rebuild"), workspace.PathOf(Object), "Rebuild after Clean");
        LinkMarkers.AssertLinked(workspace.Build(Project, "-t:Rebuild"), workspace.PathOf(Object), "Rebuild of a built project");
        Assert.IsTrue(File.Exists(workspace.PathOf(Output)));
    }

    /// <summary>A cargo target dir outside obj/ may be shared: Clean keeps it, and Rebuild must relink all the same.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Clean_KeepsASharedCargoTargetDir_AndRebuildStillRelinks()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        string shared = workspace.PathOf("shared-cargo-target");
        string property = $"-p:BpfCargoTargetDirectory={shared}";
        LinkMarkers.AssertLinked(workspace.Build(Project, property), workspace.PathOf(Object), "first build");

        BuildResult clean = workspace.BuildVerb("clean", Project, property);

        Assert.IsTrue(clean.Succeeded, clean.Describe());
        Assert.IsTrue(Directory.Exists(shared), $"the shared cargo target dir went. {clean.Describe()}");
        Assert.IsFalse(File.Exists(workspace.PathOf(Output)), clean.Describe());
        LinkMarkers.AssertLinked(workspace.Build(Project, property), workspace.PathOf(Object), "build after Clean, cargo's build kept");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void DesignTimeBuild_RunsNeitherCargoNorTheLinker()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(Project, "-p:DesignTimeBuild=true");

        Assert.IsTrue(build.Succeeded, build.Describe());
        Assert.IsFalse(build.Output.Contains("Rust toolchain", StringComparison.Ordinal), $"the toolchain was resolved. {build.Describe()}");
        Assert.IsFalse(Directory.Exists(workspace.PathOf("xdp-pass/obj/Release/cargo")), $"cargo ran. {build.Describe()}");
        Assert.IsFalse(File.Exists(workspace.PathOf(Object)), $"the linker ran. {build.Describe()}");
    }

    /// <summary>Visual Studio's fast up-to-date check sees the crate's sources and manifests, and the object.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void FastUpToDateCheck_HasTheCratesInputsAndTheObject()
    {
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult items = workspace.BuildVerb("msbuild", Project, "-getItem:UpToDateCheckInput", "-getItem:UpToDateCheckBuilt");

        Assert.IsTrue(items.Succeeded, items.Describe());
        // -getItem prints {"Items": {"UpToDateCheckInput": [{"FullPath": ...}], ...}}: each file must be in its own list.
        string json = items.Output[items.Output.IndexOf('{')..(items.Output.LastIndexOf('}') + 1)];
        using var document = System.Text.Json.JsonDocument.Parse(json);
        string[] Paths(string item) =>
            [.. document.RootElement.GetProperty("Items").GetProperty(item).EnumerateArray().Select(entry => entry.GetProperty("FullPath").GetString()!)];
        string[] inputs = Paths("UpToDateCheckInput"), built = Paths("UpToDateCheckBuilt");
        foreach (string expected in (string[])["xdp-pass/src/main.rs", "xdp-pass/Cargo.toml", "xdp-pass/Cargo.lock"])
            CollectionAssert.Contains(inputs, workspace.PathOf(expected), items.Describe());
        CollectionAssert.Contains(built, workspace.PathOf(Output), items.Describe());
        CollectionAssert.DoesNotContain(inputs, workspace.PathOf(Output), "the object is built, not an input");
        CollectionAssert.DoesNotContain(built, workspace.PathOf("xdp-pass/src/main.rs"), "a source is an input, not built");
    }

    /// <summary>
    /// A changed BpfBitcode file relinks, and so does a newer linker: the linker the SDK runs is a
    /// copy (taken from the packed SDK) that the test may touch without the other tests seeing it.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void AChangedBpfBitcodeFile_AndANewerLinker_Relink()
    {
        using TempDirectory linker = new();
        string assembly = LinkerCopy(linker.Path);
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("extra.ll", "target triple = \"bpfel\"\n", $"-p:AyaBpfLinkerAssembly={assembly}");
        LinkMarkers.AssertLinked(build.Result, build.ObjectPath, "first build");
        LinkMarkers.AssertNotLinked(build.BuildAgain(), build.ObjectPath, "second build");

        File.AppendAllText(build.InputPath, "; edited\n");
        LinkMarkers.AssertLinked(build.BuildAgain(), build.ObjectPath, "build after the BpfBitcode file changed");

        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow);
        LinkMarkers.AssertLinked(build.BuildAgain(), build.ObjectPath, "build after the linker changed");
    }

    // The packed SDK's linker folder, extracted into folder; returns its assembly.
    private static string LinkerCopy(string folder)
    {
        PackedSdk sdk = SdkPackage.EnsurePacked();
        const string Prefix = "linker/net10.0/";
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(sdk.FeedDirectory, $"Aya.Bpf.Sdk.{sdk.Version}.nupkg"));
        foreach (ZipArchiveEntry entry in package.Entries.Where(e => e.FullName.StartsWith(Prefix, StringComparison.Ordinal) && e.Name.Length > 0))
            entry.ExtractToFile(Path.Combine(folder, entry.Name));
        string assembly = Path.Combine(folder, "Aya.Bpf.Linker.dll");
        Assert.IsTrue(File.Exists(assembly), $"the package has no {Prefix}Aya.Bpf.Linker.dll");
        return assembly;
    }
}
