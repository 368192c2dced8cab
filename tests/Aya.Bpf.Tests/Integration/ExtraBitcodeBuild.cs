using System.Text;
using System.Xml.Linq;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The xdp-pass crate built in a fresh workspace with one more <c>BpfBitcode</c> input, for tests of
/// inputs the link must refuse. A second project file beside the crate adds the item, so the
/// fixture's own project stays as it is.
/// </summary>
internal sealed class ExtraBitcodeBuild : IDisposable
{
    private const string CrateFolder = "xdp-pass";
    private const string ProjectName = "xdp-pass-extra-bitcode";

    private readonly FixtureWorkspace _workspace;

    private ExtraBitcodeBuild(FixtureWorkspace workspace, string inputPath, BuildResult result)
    {
        _workspace = workspace;
        InputPath = inputPath;
        Result = result;
    }

    /// <summary>Absolute path of the extra input, as the linker names it.</summary>
    public string InputPath { get; }

    /// <summary>The finished build.</summary>
    public BuildResult Result { get; }

    /// <summary>Writes <paramref name="content"/> as <paramref name="inputName"/> beside the crate and builds with it.</summary>
    public static ExtraBitcodeBuild Run(string inputName, byte[] content)
    {
        RequiredTool.CargoPath();
        FixtureWorkspace workspace = FixtureWorkspace.Create();
        try
        {
            string inputPath = workspace.WriteFile($"{CrateFolder}/{inputName}", content);
            string project = $"{CrateFolder}/{ProjectName}.bpfproj";
            workspace.WriteFile(project, ProjectFile(inputName));
            return new ExtraBitcodeBuild(workspace, inputPath, workspace.Build(project));
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="Run(string, byte[])"/>, for text inputs such as LLVM IR.</summary>
    public static ExtraBitcodeBuild Run(string inputName, string text) => Run(inputName, Encoding.UTF8.GetBytes(text));

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
