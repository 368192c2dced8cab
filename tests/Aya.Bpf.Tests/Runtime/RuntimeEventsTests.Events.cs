using System.Diagnostics;
using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>
/// The XDP program numbers its runs and sends each number through the ring buffer and the perf
/// event array: test runs of it (all on one CPU) must arrive as 0, 1, 2... with none missing.
/// </summary>
public sealed partial class RuntimeEventsTests
{
    private const int Events = 100;
    private static readonly TimeSpan EventsArrive = TimeSpan.FromSeconds(20);

    [TestMethod]
    [TestCategory("Kernel")]
    public async Task ARingBuffer_DeliversEveryRecord_InOrder_AsTheyArrive()
    {
        using BpfObject bpf = LoadedFixture();
        using BpfRingBuffer events = new(bpf.Map("EVENTS"));
        using CancellationTokenSource timeout = new(EventsArrive);

        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: Events);

        await AssertReceivesRunsInOrder(events, timeout.Token);
        Assert.IsEmpty(events.Consume(), "nothing more");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void ARingBuffer_Consumed_GivesWhatIsWaiting_AsBytes()
    {
        using BpfObject bpf = LoadedFixture();
        using BpfRingBuffer events = new(bpf.Map("EVENTS"));

        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: 3);

        IReadOnlyList<byte[]> records = events.Consume();
        Assert.IsTrue(records.All(record => record.Length == sizeof(ulong)), "each record has the program's 8 bytes");
        CollectionAssert.AreEqual(new ulong[] { 0, 1, 2 }, records.Select(record => BitConverter.ToUInt64(record)).ToArray());
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public async Task APerfEventArray_DeliversEverySample_InOrder()
    {
        using BpfObject bpf = LoadedFixture();
        using BpfPerfEventBuffer events = new(bpf.Map("PERF_EVENTS"));
        using CancellationTokenSource timeout = new(EventsArrive);

        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: Events);

        await AssertReceivesRunsInOrder(events, timeout.Token);
        Assert.AreEqual(0L, events.LostSamples);
    }

    /// <summary>A ring of one page holds far fewer than 1000 samples: what does not fit is counted lost, once the kernel can report it.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void APerfEventArray_ThatOverflows_CountsTheLostSamples()
    {
        const int Overflowing = 1000;
        using BpfObject bpf = LoadedFixture();
        using BpfPerfEventBuffer events = new(bpf.Map("PERF_EVENTS"), pagesPerCpu: 1);
        BpfProgram program = bpf.Program("number_runs");

        List<byte[]> records;
        // The kernel writes a ring's lost record with the next sample that fits in that CPU's ring:
        // both runs stay on one CPU.
        using (OnOneCpu())
        {
            program.TestRun(BpfObjectAssertions.TestPacket(), repeat: Overflowing);
            records = [.. events.Consume()];
            program.TestRun(BpfObjectAssertions.TestPacket());
            records.AddRange(events.Consume());
        }

        ulong[] received = [.. records.Select(events.As<ulong>)];
        Assert.IsGreaterThan(0L, events.LostSamples, "samples lost");
        Assert.AreEqual(Overflowing + 1, received.Length + events.LostSamples, $"received {received.Length}, lost {events.LostSamples}");
        Assert.AreEqual((ulong)Overflowing, received[^1], "the last run's sample");
        CollectionAssert.AreEqual(Enumerable.Range(0, received.Length - 1).Select(n => (ulong)n).ToArray(), received[..^1], "the samples before the ring filled");
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int GetAffinity(int thread, nuint size, ref ulong mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SetAffinity(int thread, nuint size, ref ulong mask);

    /// <summary>Keeps the calling thread on the first CPU it may use until disposed (thread 0: the caller).</summary>
    private static AffinityScope OnOneCpu()
    {
        ulong allowed = 0;
        Assert.AreEqual(0, GetAffinity(0, sizeof(ulong), ref allowed), $"sched_getaffinity: errno {Marshal.GetLastPInvokeError()}");
        ulong first = allowed & (~allowed + 1);
        Assert.AreEqual(0, SetAffinity(0, sizeof(ulong), ref first), $"sched_setaffinity: errno {Marshal.GetLastPInvokeError()}");
        return new AffinityScope(allowed);
    }

    private sealed class AffinityScope(ulong allowed) : IDisposable
    {
        public void Dispose()
        {
            ulong restored = allowed;
            _ = SetAffinity(0, sizeof(ulong), ref restored);
        }
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public async Task AWaitingEnumeration_EndsPromptlyWhenCancelled_AndTheBufferReadsOnAfterwards()
    {
        using BpfObject bpf = LoadedFixture();
        using BpfRingBuffer events = new(bpf.Map("EVENTS"));
        using CancellationTokenSource cancel = new(TimeSpan.FromMilliseconds(300));
        Stopwatch waited = Stopwatch.StartNew();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(async () =>
        {
            await foreach (byte[] record in events.ReadAllAsync(cancel.Token))
                Assert.Fail($"no record was sent, yet one of {record.Length} bytes came");
        });

        waited.Stop();
        Assert.IsLessThan(TimeSpan.FromSeconds(2), waited.Elapsed, "cancelled after 0.3 s");
        bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket());
        Assert.HasCount(1, events.Consume(), "the reader is free again after the cancelled enumeration");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AReaderOfTheWrongMapType_IsAClearError()
    {
        using BpfObject bpf = LoadedFixture();

        ArgumentException ring = Assert.ThrowsExactly<ArgumentException>(() => new BpfRingBuffer(bpf.Map("PERF_EVENTS")));
        ArgumentException perf = Assert.ThrowsExactly<ArgumentException>(() => new BpfPerfEventBuffer(bpf.Map("EVENTS")));

        Assert.Contains("map 'PERF_EVENTS' is a perf_event_array map, not a ring buffer", ring.Message);
        Assert.Contains("map 'EVENTS' is a ringbuf map, not a perf event array", perf.Message);
    }

    // The run numbers 0 to Events - 1, each once and in order, as the reader delivers them.
    private static async Task AssertReceivesRunsInOrder(BpfEventBuffer events, CancellationToken cancellationToken)
    {
        List<ulong> received = [];
        await foreach (ulong sequence in events.ReadAllAsync<ulong>(cancellationToken))
        {
            received.Add(sequence);
            if (received.Count == Events)
                break;
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, Events).Select(n => (ulong)n).ToArray(), received.ToArray());
    }
}
