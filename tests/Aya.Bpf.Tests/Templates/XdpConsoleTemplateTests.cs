using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.Templates;

/// <summary>
/// aya-xdp-console: a console app and its XDP crate, built together by a plain `dotnet build` of the
/// app. The name, with a dot and a word that starts with a digit, exercises the template's own
/// PascalCase of the skeleton's names, which must match the SDK's or the app does not compile.
/// </summary>
[TestClass]
public sealed class XdpConsoleTemplateTests : TemplateTests
{
    private const string AppName = "Xdp.2Watch";

    private static readonly TemplateInstance XdpConsole = new(
        "aya-xdp-console", AppName, ["--program", "count_sources", "--map", "SOURCES_V4"],
        CrateName: "xdp-2watch-ebpf", Program: "count_sources", ProgramType: "xdp", Section: "xdp",
        Map: new ExpectedMap("SOURCES_V4", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 1024), MapValue: "INT 'u64'",
        AppName: AppName);

    private static readonly FixtureBuild Fixture = NewBuild(XdpConsole);

    private protected override FixtureBuild Build => Fixture;

    private protected override TemplateInstance Instance => XdpConsole;

    protected override IReadOnlyList<string> ReadmeExcerpts =>
    [
        $"sudo dotnet \"bin/Debug/net10.0/{AppName}.dll\"",
        "Loaded count_sources from xdp-2watch-ebpf.bpf.o",
        "SOURCES_V4:",
        "xdp-2watch-ebpf/xdp-2watch-ebpf.bpfproj",
        "`apt-get install libbpf1`",
    ];

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>The names the skeleton gets from the crate, the program and the map are those the app uses, in the namespace made of the name.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void App_UsesTheSkeletonsNames_InANamespaceMadeOfTheName()
    {
        RequiredTool.CargoPath();
        Build.Succeeded();

        string program = File.ReadAllText(Build.Workspace.PathOf($"{XdpConsole.Folder}/Program.cs"));
        string skeleton = File.ReadAllText(Build.Workspace.PathOf($"{XdpConsole.CrateFolder}/obj/Debug/skeletons/xdp-2watch-ebpf.bpf.o.cs"));

        StringAssert.Contains(skeleton, "namespace Xdp2watchEbpf;");
        StringAssert.Contains(skeleton, "public sealed partial class Xdp2watchEbpfBpf");
        StringAssert.Contains(skeleton, "public global::Aya.Bpf.Runtime.BpfMap<uint, ulong> SourcesV4 { get; }");
        StringAssert.Contains(skeleton, "public global::Aya.Bpf.Runtime.BpfProgram CountSources { get; }");
        foreach (string use in (string[])["using Xdp2watchEbpf;", "using Xdp._2Watch;", "Xdp2watchEbpfBpf.Open()", "skeleton.Programs.CountSources", "skeleton.Maps.SourcesV4"])
            StringAssert.Contains(program, use, "Program.cs");
        StringAssert.Contains(File.ReadAllText(Build.Workspace.PathOf($"{XdpConsole.Folder}/TestFrames.cs")), "namespace Xdp._2Watch;");
    }

    /// <summary>
    /// The template's PascalCase goes through the engine's title case, which follows the current
    /// culture: in a Turkish one a word's first 'i' becomes 'İ', which the template maps back to 'I'
    /// so that the names stay the SDK's (it makes them culture-invariantly).
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void SkeletonNames_StayTheSdks_InATurkishCulture()
    {
        using TempDirectory output = new();
        Dictionary<string, string> turkish = new() { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" };

        ProcessResult created = TemplatePackage.New(turkish, output.Path,
            "aya-xdp-console", "-n", "ipv4-inspect", "-o", output.Path, "--program", "inspect_ip", "--map", "IPV4_SEEN");

        Assert.IsTrue(created.Succeeded, created.Output);
        string program = File.ReadAllText(output.Combine("Program.cs"));
        foreach (string use in (string[])["using Ipv4InspectEbpf;", "Ipv4InspectEbpfBpf.Open()", "skeleton.Programs.InspectIp", "skeleton.Maps.Ipv4Seen"])
            StringAssert.Contains(program, use, "Program.cs");
    }

    /// <summary>
    /// Run as root, the app loads the program, test-runs it on its four frames (each passed) and
    /// prints the map's counts: two IPv4 frames from the first source, one from the second, and the
    /// IPv6 frame (whose bytes at the IPv4 source's offset are the first source's) counted nowhere.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void App_RunsTheProgramOnItsFrames_AndPrintsThePacketsPerSource()
    {
        RequiredTool.ForKernelLoad();
        Build.Succeeded();

        ProcessResult run = Build.Workspace.Dotnet(Build.Workspace.PathOf($"{XdpConsole.Folder}/bin/Debug/net10.0/{AppName}.dll"));

        Assert.AreEqual(0, run.ExitCode, run.Output);
        string[] expected =
        [
            "Loaded count_sources from xdp-2watch-ebpf.bpf.o",
            "IPv4 from 192.0.2.1: XDP_PASS",
            "IPv4 from 192.0.2.1: XDP_PASS",
            "IPv4 from 198.51.100.7: XDP_PASS",
            "IPv6 from 2001:db8:c000:201::1: XDP_PASS",
            "SOURCES_V4:",
            "192.0.2.1: 2 packets",
            "198.51.100.7: 1 packet",
        ];
        CollectionAssert.AreEqual(expected, run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), run.Output);
    }
}
