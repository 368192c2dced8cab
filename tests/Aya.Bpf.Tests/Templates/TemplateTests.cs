using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>
/// What every template must do, instantiated with `dotnet new` and options other than its defaults:
/// build with a plain `dotnet build` through the packed SDK, hold the program and map the options
/// name with their BTF, and load. Each template's test class adds what its program computes.
/// </summary>
public abstract class TemplateTests
{
    private protected abstract FixtureBuild Build { get; }

    private protected abstract TemplateInstance Instance { get; }

    /// <summary>Text the instance's README.md must hold: its commands, with the options' values in them.</summary>
    protected abstract IReadOnlyList<string> ReadmeExcerpts { get; }

    private protected string ObjectPath => Build.Workspace.PathOf(Instance.ObjectFile);

    /// <summary>The instance made in a new workspace, and built on first use.</summary>
    private protected static FixtureBuild NewBuild(TemplateInstance instance) =>
        FixtureBuild.Plain(instance.Project, workspace => TemplatePackage.Instantiate(workspace, instance));

    [TestMethod]
    [TestCategory("Integration")]
    public void PlainBuild_WritesTheObject_WithoutAWarning()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Succeeded();

        BpfObjectAssertions.IsBpfElfObject(ObjectPath, build);
        Assert.DoesNotContain(": warning ", build.Output, $"the build warned. {build.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Readme_ShowsItsCommandsWithTheOptions()
    {
        RequiredTool.CargoPath();
        // The build's first step makes the instance; the README does not depend on its outcome.
        Build.Result();

        string readme = File.ReadAllText(Build.Workspace.PathOf($"{Instance.Folder}/README.md"));

        foreach (string excerpt in ReadmeExcerpts)
            StringAssert.Contains(readme, excerpt, $"README.md of {Instance.ShortName}");
    }

    /// <summary>The program is the function --program names, in its section; the map --map names points at its key and value types.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void Object_HoldsTheNamedProgramInItsSection_AndTheNamedMapWithItsTypes()
    {
        RequiredTool.CargoPath();
        RequiredTool.BpftoolPath();
        BuildResult build = Build.Succeeded();

        CollectionAssert.Contains(ElfObjectHeader.SectionNames(ObjectPath).ToArray(), Instance.Section, build.Describe());
        BtfDump btf = Bpftool.DumpBtf(ObjectPath);
        CollectionAssert.Contains(btf.FunctionsWithLinkage(), $"{Instance.Program}:global", btf.Describe());
        BtfDumpType definition = btf.Require(btf.Single("VAR", Instance.Map.Name).TypeId ?? 0);
        CollectionAssert.AreEqual(
            (string[])["key: PTR -> INT 'u32'", $"value: PTR -> {Instance.MapValue}"],
            definition.Members.Where(member => member.Name is "key" or "value").Select(member => $"{member.Name}: {btf.Resolve(member.TypeId)}").ToArray(),
            $"members of {definition.Label}.{Environment.NewLine}{btf.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Object_LoadsWithItsBtf_AndTheKernelCreatesTheMap()
    {
        using LoadedObject loaded = Load();

        Instance.Map.AssertCreated(loaded);
    }

    /// <summary>
    /// Builds the instance and loads its object, its maps pinned, checking that the program loaded
    /// cleanly with its BTF; dispose the result to unload it.
    /// </summary>
    private protected LoadedObject Load()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        Build.Succeeded();
        LoadedObject loaded = LoadedObject.Load(ObjectPath, pinMaps: true);
        try
        {
            BpfObjectAssertions.LoadedCleanly(loaded.Result, Instance.Program, Instance.ProgramType);
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }
}
