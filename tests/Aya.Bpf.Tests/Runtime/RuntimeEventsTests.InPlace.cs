using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>
/// The ring buffer read in place (BpfRingBuffer.Consume with a struct reader or a delegate): the
/// records come from the ring's memory as the kernel wrote them, in order, across the ring's end.
/// </summary>
public sealed partial class RuntimeEventsTests
{
    [TestMethod]
    [TestCategory("Kernel")]
    public void ARingBufferReadInPlace_GivesEveryRecordInOrder_AcrossTheRingsEnd()
    {
        using BpfObject bpf = LoadedFixture();
        using BpfRingBuffer events = new(bpf.Map("EVENTS"));
        var reader = new SequenceReader { Next = 0 };
        // 16 bytes a record (header and number) in a 64 KiB ring: three rounds of 3000 wrap it twice.
        for (int round = 0; round < 3; round++)
        {
            bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: 3000);

            Assert.AreEqual(3000, events.Consume(ref reader), $"round {round}");
        }

        Assert.AreEqual(9000ul, reader.Next, "every number, in order (the reader checks each)");
        Assert.AreEqual(0, reader.OutOfOrder);
        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: 2);
        List<ulong> byDelegate = [];
        Assert.AreEqual(2, events.Consume(record => byDelegate.Add(MemoryMarshal.Read<ulong>(record))));
        CollectionAssert.AreEqual(new ulong[] { 9000, 9001 }, byDelegate.ToArray(), "a delegate reader goes on where the struct reader stopped");
        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: 1);
        CollectionAssert.AreEqual(new ulong[] { 9002 }, events.Consume().Select(record => BitConverter.ToUInt64(record)).ToArray(), "and libbpf's reader after both");
    }

    private struct SequenceReader : IBpfRecordReader
    {
        public ulong Next;
        public int OutOfOrder;

        public void Read(ReadOnlySpan<byte> record)
        {
            if (record.Length != sizeof(ulong) || MemoryMarshal.Read<ulong>(record) != Next)
                OutOfOrder++;
            Next++;
        }
    }
}
