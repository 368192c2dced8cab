namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A .csproj references .bpfproj projects as it would any project (tests/fixtures/bpf-consumer): they
/// build first, their objects land in its output and publish folders, and the one referenced with
/// OutputItemType="EmbeddedResource" is embedded too. The consumer lists what it finds.
/// </summary>
[TestClass]
public sealed class ProjectReferenceTests
{
    private const string Consumer = "bpf-consumer/bpf-consumer.csproj";
    private const string ConsumerOutput = "bpf-consumer/bin/Release/net10.0";

    private static readonly (string Name, string Built)[] Objects =
    [
        ("maps-legacy.bpf.o", "maps-legacy/bin/Release/maps-legacy.bpf.o"),
        ("xdp-pass.bpf.o", "xdp-pass/bin/Release/xdp-pass.bpf.o"),
    ];

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_CopiesTheReferencedObjectsAndEmbedsOnRequest()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(Consumer);

        Assert.IsTrue(build.Succeeded, build.Describe());
        Assert.DoesNotContain(": warning ", build.Output, $"the build warned. {build.Describe()}");
        foreach (var (name, built) in Objects)
            CollectionAssert.AreEqual(File.ReadAllBytes(workspace.PathOf(built)), File.ReadAllBytes(workspace.PathOf($"{ConsumerOutput}/{name}")), $"{name} in the consumer's output");
        ProcessResult run = workspace.Dotnet(workspace.PathOf($"{ConsumerOutput}/bpf-consumer.dll"));
        Assert.IsTrue(run.Succeeded, run.Output);
        CollectionAssert.AreEqual(
            (string[])[
                $"file maps-legacy.bpf.o {Length(workspace, Objects[0].Built)}",
                $"file xdp-pass.bpf.o {Length(workspace, Objects[1].Built)}",
                $"resource maps-legacy.bpf.o {Length(workspace, Objects[0].Built)}",
            ],
            run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            run.Output);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Publish_CarriesTheReferencedObjects()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult publish = workspace.BuildVerb("publish", Consumer);

        Assert.IsTrue(publish.Succeeded, publish.Describe());
        foreach (var (name, built) in Objects)
            CollectionAssert.AreEqual(File.ReadAllBytes(workspace.PathOf(built)), File.ReadAllBytes(workspace.PathOf($"{ConsumerOutput}/publish/{name}")), $"{name} in the publish folder");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void SecondBuildOfTheConsumer_LinksNothing_AndQuestionPasses()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        Assert.IsTrue(workspace.Build(Consumer).Succeeded);

        BuildResult again = workspace.Build(Consumer);
        BuildResult question = workspace.Build(Consumer, "-question");

        Assert.IsTrue(again.Succeeded, again.Describe());
        Assert.IsFalse(again.Output.Contains("Wrote ", StringComparison.Ordinal) && again.Output.Contains(".bpf.o (", StringComparison.Ordinal), $"a link ran. {again.Describe()}");
        Assert.IsTrue(question.Succeeded, $"-question after a build: {question.Describe()}");
    }

    private static long Length(FixtureWorkspace workspace, string path) => new FileInfo(workspace.PathOf(path)).Length;
}
