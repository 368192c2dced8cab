using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>TestRun (BPF_PROG_TEST_RUN) of the other program types users unit-test with packets: TC classifiers and socket filters.</summary>
public sealed partial class RuntimeEventsTests
{
    private const int EthernetHeader = 14;

    [TestMethod]
    [TestCategory("Kernel")]
    public void TestRunOfATcClassifier_GivesItsVerdict_AndItsCounts()
    {
        using BpfObject bpf = LoadedFixture();
        BpfProgram classifier = bpf.Program("count_frames");

        uint[] verdicts = [.. Enumerable.Range(0, 3).Select(_ => classifier.TestRun(BpfObjectAssertions.TestPacket()).ReturnValue)];

        CollectionAssert.AreEqual(new uint[] { 0, 0, 0 }, verdicts, "TC_ACT_OK");
        Assert.IsTrue(bpf.Map("FRAMES").TryLookup(0u, out ulong frames));
        Assert.AreEqual(3ul, frames, "one count a run");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void TestRunOfASocketFilter_GivesHowMuchOfEachPacketItKeeps()
    {
        using BpfObject bpf = LoadedFixture();
        BpfProgram filter = bpf.Program("keep_long");

        // The kernel hands a socket filter the packet after its Ethernet header.
        uint shortPacket = filter.TestRun(new byte[64]).ReturnValue;
        uint longPacket = filter.TestRun(new byte[200]).ReturnValue;

        Assert.AreEqual(0u, shortPacket, "50 bytes after the Ethernet header: dropped");
        Assert.AreEqual((uint)(200 - EthernetHeader), longPacket, "kept whole");
    }
}
