namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A program that declares no license and calls a GPL-only helper (tests/fixtures/gpl-helper): libbpf
/// would load it with an empty license and the kernel refuse it, so the build says so at the call;
/// with BpfLicense the link gives it that license, and it loads as GPL-compatible and runs.
/// </summary>
[TestClass]
public sealed class LicenseTests
{
    private const string Project = "gpl-helper/gpl-helper.bpfproj";
    private const string Source = "gpl-helper/src/main.rs";
    private const string Output = "gpl-helper/bin/Release/gpl-helper.bpf.o";
    private const int XdpPass = 2;

    // What bpf_trace_printk wrote: the fixture's MESSAGE without its NUL.
    private const long PrintedLength = 19;

    private static readonly FixtureBuild Undeclared = new(Project);
    private static readonly FixtureBuild ProjectLicensed = new(Project, "-p:BpfLicense=GPL");

    [ClassCleanup]
    public static void Cleanup()
    {
        Undeclared.Dispose();
        ProjectLicensed.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void NoLicense_IsAnErrorAtTheGplOnlyHelpersCall()
    {
        RequiredTool.CargoPath();

        BuildResult build = Undeclared.Result();

        string error = BuildErrors.AssertReported(build, "BPF5001", "bpf_trace_printk (helper 6)", "GPL-only", "no license section", "BpfLicense");
        BuildErrors.AssertAt(error, Source, SourceText.LineOf(SourceText.Read(Undeclared.Workspace, Source), "let written = trace(&MESSAGE);"), build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BpfLicense_IsTheObjectsLicenseSection()
    {
        RequiredTool.CargoPath();
        BuildResult build = ProjectLicensed.Succeeded();

        StringAssert.Contains(build.Output, "License: 'GPL', set by BpfLicense.", build.Describe());
        CollectionAssert.Contains(ElfObjectHeader.SectionNames(ProjectLicensed.Workspace.PathOf(Output)).ToArray(), "license", build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void BpfLicense_LoadsAsGplCompatible_AndTheGplOnlyHelperRuns()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        ProjectLicensed.Succeeded();
        using LoadedObject loaded = LoadedObject.Load(ProjectLicensed.Workspace.PathOf(Output), pinMaps: true);
        LoadedProgram program = BpfObjectAssertions.LoadedCleanly(loaded.Result, "gpl_helper", "xdp");

        Assert.IsTrue(program.GplCompatible, $"the kernel took the license for GPL-compatible. {loaded.Result.Describe()}");
        Assert.AreEqual(XdpPass, loaded.Run("gpl_helper", TestPackets.Ipv4Tcp(goodChecksum: true)), loaded.Result.Describe());
        Assert.AreEqual(PrintedLength, loaded.FormattedValue("PRINTED", 0).GetInt64(), "PRINTED[0]: what bpf_trace_printk returned");
    }
}
