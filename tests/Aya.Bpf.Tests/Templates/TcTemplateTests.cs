using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>aya-tc: lets every packet through (TC_ACT_OK) and counts packets and bytes per CPU.</summary>
[TestClass]
public sealed class TcTemplateTests : TemplateTests
{
    private const int TcActOk = 0;

    private static readonly TemplateInstance Tc = new(
        "aya-tc", "Tc.Meter", ["--program", "meter_egress", "--map", "EGRESS", "--interface", "veth9", "--direction", "egress"],
        CrateName: "tc-meter", Program: "meter_egress", ProgramType: "sched_cls", Section: "classifier",
        Map: new ExpectedMap("EGRESS", "percpu_array", KeySize: 4, ValueSize: 16, MaxEntries: 1), MapValue: "STRUCT 'Traffic'");

    private static readonly FixtureBuild Fixture = NewBuild(Tc);

    private protected override FixtureBuild Build => Fixture;

    private protected override TemplateInstance Instance => Tc;

    protected override IReadOnlyList<string> ReadmeExcerpts =>
    [
        "tc qdisc add dev veth9 clsact",
        "tc filter add dev veth9 egress bpf direct-action obj bin/Release/tc-meter.bpf.o sec classifier",
        "bpftool map dump name EGRESS",
    ];

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>Two runs on a frame: each verdict TC_ACT_OK, and the CPUs' counts add up to two frames and their bytes.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Program_LetsPacketsThrough_AndCountsPacketsAndBytes()
    {
        using LoadedObject loaded = Load();
        byte[] frame = TestPackets.Ipv4Tcp(goodChecksum: true);

        Assert.AreEqual(TcActOk, loaded.Run(Tc.Program, frame), loaded.Result.Describe());
        Assert.AreEqual(TcActOk, loaded.Run(Tc.Program, frame), loaded.Result.Describe());

        var perCpu = loaded.FormattedPerCpuValues(Tc.Map.Name, 0);
        Assert.AreEqual(
            (2L, 2L * frame.Length),
            (perCpu.Sum(cpu => cpu.GetProperty("packets").GetInt64()), perCpu.Sum(cpu => cpu.GetProperty("bytes").GetInt64())),
            $"(packets, bytes) over the CPUs of {Tc.Map.Name}[0]: [{string.Join(", ", perCpu)}]");
    }
}
