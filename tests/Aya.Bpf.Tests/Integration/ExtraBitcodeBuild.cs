using System.Text;
using System.Xml.Linq;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The xdp-pass crate built in a fresh workspace with one more <c>BpfBitcode</c> input, for tests of
/// inputs the link must refuse and of what relinks. A second project file beside the crate adds the
/// item, so the fixture's own project stays as it is.
/// </summary>
internal sealed class ExtraBitcodeBuild : IDisposable
{
    private const string CrateFolder = "xdp-pass";
    private const string ProjectName = "xdp-pass-extra-bitcode";

    private const string Project = $"{CrateFolder}/{ProjectName}.bpfproj";

    private readonly FixtureWorkspace _workspace;
    private readonly string[] _arguments;

    private ExtraBitcodeBuild(FixtureWorkspace workspace, string inputPath, string[] arguments, BuildResult result)
    {
        _workspace = workspace;
        InputPath = inputPath;
        _arguments = arguments;
        Result = result;
    }

    /// <summary>Absolute path of the extra input, as the linker names it.</summary>
    public string InputPath { get; }

    /// <summary>The first build.</summary>
    public BuildResult Result { get; }

    /// <summary>The intermediate object the link writes.</summary>
    public string ObjectPath => _workspace.PathOf($"{CrateFolder}/obj/Release/{ProjectName}.bpf.o");

    /// <summary>
    /// Writes <paramref name="content"/> as <paramref name="inputName"/> beside the crate and builds
    /// with it, and with the extra MSBuild <paramref name="arguments"/>.
    /// </summary>
    public static ExtraBitcodeBuild Run(string inputName, byte[] content, params string[] arguments)
    {
        RequiredTool.CargoPath();
        FixtureWorkspace workspace = FixtureWorkspace.Create();
        try
        {
            string inputPath = workspace.WriteFile($"{CrateFolder}/{inputName}", content);
            workspace.WriteFile(Project, ProjectFile(inputName));
            return new ExtraBitcodeBuild(workspace, inputPath, arguments, workspace.Build(Project, arguments));
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="Run(string, byte[])"/>, for text inputs such as LLVM IR.</summary>
    public static ExtraBitcodeBuild Run(string inputName, string text, params string[] arguments) =>
        Run(inputName, Encoding.UTF8.GetBytes(text), arguments);

    /// <summary>Builds the project again, with the first build's arguments.</summary>
    public BuildResult BuildAgain() => _workspace.Build(Project, _arguments);

    /// <summary>
    /// Fails the test if the failed build left an object in bin/, or under obj/ where the next
    /// build would take it as an up-to-date link and copy it out.
    /// </summary>
    public void AssertWroteNoObject() =>
        BpfObjectAssertions.WroteNoObject(_workspace, CrateFolder, ProjectName, Result);

    public void Dispose() => _workspace.Dispose();

    private static byte[] ProjectFile(string inputName)
    {
        XDocument project = new(
            new XElement("Project",
                new XAttribute("Sdk", "Aya.Bpf.Sdk"),
                new XElement("ItemGroup",
                    new XElement("BpfBitcode", new XAttribute("Include", inputName)))));
        return Encoding.UTF8.GetBytes(project.ToString());
    }
}
