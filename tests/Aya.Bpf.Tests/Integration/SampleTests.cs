using System.Buffers.Binary;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The README's sample (samples/xdp-counter, a `#![no_std]` program over the real core) builds with
/// the README's command in Debug and in Release, and each object loads and counts what it sees.
/// </summary>
[TestClass]
public sealed class SampleTests
{
    private const string Project = "samples/xdp-counter/xdp-counter.bpfproj";
    private const long XdpDrop = 1, XdpPass = 2;

    private static readonly FixtureBuild Debug = FixtureBuild.Plain(Project);
    private static readonly FixtureBuild Release = new(Project);

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("Debug")]
    [DataRow("Release")]
    public void BuildsWithoutAWarning(string configuration)
    {
        RequiredTool.CargoPath();
        BuildResult build = Of(configuration).Succeeded();

        Assert.Contains("0 Warning(s)", build.Output, build.Describe());
        Assert.IsTrue(File.Exists(Of(configuration).Workspace.PathOf(ObjectOf(configuration))), build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    [DataRow("Debug")]
    [DataRow("Release")]
    public void CountsByEtherType_AndDropsWhatIsNotIp(string configuration)
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        Of(configuration).Succeeded();
        using LoadedObject loaded = LoadedObject.Load(Of(configuration).Workspace.PathOf(ObjectOf(configuration)), pinMaps: true);
        BpfObjectAssertions.LoadedCleanly(loaded.Result, "xdp_counter", "xdp");
        byte[] ipv4 = TestPackets.Ipv4Tcp(goodChecksum: true);
        byte[] arp = [.. ipv4];
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(12), 0x0806);

        Assert.AreEqual(XdpPass, loaded.Run("xdp_counter", ipv4), loaded.Result.Describe());
        Assert.AreEqual(XdpPass, loaded.Run("xdp_counter", ipv4), loaded.Result.Describe());
        Assert.AreEqual(XdpDrop, loaded.Run("xdp_counter", arp), loaded.Result.Describe());

        Assert.AreEqual("array", loaded.Map("COUNTS").Type);
        Assert.AreEqual(2, loaded.FormattedValue("COUNTS", 0).GetInt64(), "IPv4 frames");
        Assert.AreEqual(0, loaded.FormattedValue("COUNTS", 1).GetInt64(), "IPv6 frames");
        Assert.AreEqual(1, loaded.FormattedValue("COUNTS", 2).GetInt64(), "other frames");
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        Debug.Dispose();
        Release.Dispose();
    }

    private static FixtureBuild Of(string configuration) => configuration == "Debug" ? Debug : Release;

    private static string ObjectOf(string configuration) => $"samples/xdp-counter/bin/{configuration}/xdp-counter.bpf.o";
}
