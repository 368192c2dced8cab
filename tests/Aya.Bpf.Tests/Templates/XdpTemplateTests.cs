using System.Text.Json;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>aya-xdp: passes every packet and counts the IPv4 ones per source address.</summary>
[TestClass]
public sealed class XdpTemplateTests : TemplateTests
{
    private const int XdpPass = 2;

    private static readonly TemplateInstance Xdp = new(
        "aya-xdp", "Source Counter", ["--program", "count_sources", "--map", "SOURCES", "--interface", "veth7"],
        CrateName: "source-counter", Program: "count_sources", ProgramType: "xdp", Section: "xdp",
        Map: new ExpectedMap("SOURCES", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 1024), MapValue: "INT 'u64'");

    private static readonly FixtureBuild Fixture = NewBuild(Xdp);

    private protected override FixtureBuild Build => Fixture;

    private protected override TemplateInstance Instance => Xdp;

    protected override IReadOnlyList<string> ReadmeExcerpts =>
    [
        "bpftool prog load bin/Release/source-counter.bpf.o /sys/fs/bpf/source-counter",
        "bpftool net attach xdp pinned /sys/fs/bpf/source-counter dev veth7",
        "bpftool map dump name SOURCES",
    ];

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Program_PassesEveryPacket_AndCountsTheIpv4OnesPerSource()
    {
        using LoadedObject loaded = Load();
        byte[] ipv4 = TestPackets.Ipv4Tcp(goodChecksum: true);

        Assert.AreEqual(XdpPass, loaded.Run(Xdp.Program, ipv4), loaded.Result.Describe());
        Assert.AreEqual(XdpPass, loaded.Run(Xdp.Program, ipv4), loaded.Result.Describe());
        // EtherType 0: not IPv4, so passed and not counted.
        Assert.AreEqual(XdpPass, loaded.Run(Xdp.Program, BpfObjectAssertions.TestPacket()), loaded.Result.Describe());

        Assert.AreEqual(2L, loaded.FormattedValue(Xdp.Map.Name, TestPackets.Ipv4Source).GetInt64(), $"{Xdp.Map.Name}[10.0.0.1]");
        using JsonDocument entries = Bpftool.Json("map", "dump", "id", $"{loaded.Map(Xdp.Map.Name).Id}");
        Assert.AreEqual(1, entries.RootElement.GetArrayLength(), $"one source counted: {entries.RootElement}");
    }
}
