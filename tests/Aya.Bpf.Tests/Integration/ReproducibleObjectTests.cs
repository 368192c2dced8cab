using System.Text;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The same sources in two checkouts at paths of different lengths give byte-identical objects,
/// naming no folder of either checkout: the aya-shaped workspace (a host build whose path
/// dependencies live beside the workspace, so cargo hashes their paths into crate names) and the
/// crate with C bitcode (clang's DWARF 5). BpfDeterministicSourcePaths=false keeps absolute paths.
/// </summary>
[TestClass]
public sealed class ReproducibleObjectTests
{
    private const string AyaProject = "aya-app/aya-app-ebpf/aya-app-ebpf.bpfproj";
    private const string CProject = "c-helper/c-helper.bpfproj";

    private static readonly string[] Objects =
    [
        "aya-app/aya-app-ebpf/bin/Release/aya-app.bpf.o",
        "aya-app/aya-app-ebpf/bin/Release/tc-count.bpf.o",
        "aya-app/aya-app-ebpf/bin/Release/trace-getpid.bpf.o",
        "c-helper/bin/Release/c-helper.bpf.o",
    ];

    private static readonly Lazy<(FixtureWorkspace Short, FixtureWorkspace Long)> s_checkouts = new(BuildTwoCheckouts);

    [TestMethod]
    [TestCategory("Integration")]
    public void TwoCheckouts_GiveByteIdenticalObjects()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
        var (first, second) = s_checkouts.Value;

        foreach (var objectFile in Objects)
        {
            CollectionAssert.AreEqual(
                File.ReadAllBytes(first.PathOf(objectFile)), File.ReadAllBytes(second.PathOf(objectFile)),
                $"{objectFile} differs between {first.Root} and {second.Root}");
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void NoObject_NamesAFolderOfTheCheckout()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
        var (first, second) = s_checkouts.Value;

        foreach (var checkout in new[] { first, second })
        {
            foreach (var objectFile in Objects)
            {
                string text = Encoding.Latin1.GetString(File.ReadAllBytes(checkout.PathOf(objectFile)));
                Assert.DoesNotContain(Path.GetFileName(checkout.Root), text, $"{objectFile} names its checkout's folder");
                Assert.DoesNotContain(Path.GetTempPath(), text, $"{objectFile} names the temporary folder");
            }
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BtfLineInfo_KeepsTheSourceText_AtRelativePaths()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(s_checkouts.Value.Short.PathOf(Objects[0])));

        // The workspace's own file, and one of a path dependency beside the workspace.
        Assert.Contains("aya-app-ebpf/src/main.rs\0", text);
        Assert.Contains("../aya/aya-ebpf/src/", text);
        Assert.Contains("match try_aya_app(&ctx) {", text, "the line text LLVM read for BTF's line info");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void RebuildingInPlace_GivesTheSameBytes()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
        FixtureWorkspace checkout = s_checkouts.Value.Short;
        byte[] before = File.ReadAllBytes(checkout.PathOf(Objects[0]));

        BuildResult rebuild = checkout.Build(AyaProject, "--no-incremental");

        Assert.IsTrue(rebuild.Succeeded, rebuild.Describe());
        Assert.IsFalse(LinkMarkers.LinkSkipped(rebuild), $"the rebuild must link again: {rebuild.Describe()}");
        Assert.Contains("aya-app.bpf.o (", rebuild.Output, "the linker's last line, naming the object it wrote");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(checkout.PathOf(Objects[0])));
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void AbsolutePathsKept_WhenTheProjectSaysSo()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(AyaProject, "-p:BpfDeterministicSourcePaths=false", "-p:CargoBinName=aya-app");

        Assert.IsTrue(build.Succeeded, build.Describe());
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(workspace.PathOf("aya-app/aya-app-ebpf/bin/Release/aya-app-ebpf.bpf.o")));
        Assert.Contains(workspace.PathOf("aya-app/aya-app-ebpf/src/main.rs"), text);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        if (s_checkouts.IsValueCreated)
        {
            s_checkouts.Value.Short.Dispose();
            s_checkouts.Value.Long.Dispose();
        }
    }

    private static (FixtureWorkspace, FixtureWorkspace) BuildTwoCheckouts()
    {
        FixtureWorkspace first = FixtureWorkspace.Create();
        FixtureWorkspace second = FixtureWorkspace.Create("-a-second-checkout-at-a-longer-path");
        foreach (var checkout in new[] { first, second })
        {
            foreach (var project in new[] { AyaProject, CProject })
            {
                BuildResult build = checkout.Build(project);
                Assert.IsTrue(build.Succeeded, $"{project} in {checkout.Root}: {build.Describe()}");
            }
        }
        return (first, second);
    }
}
