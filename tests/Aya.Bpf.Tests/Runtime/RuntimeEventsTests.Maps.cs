using Aya.Bpf.Runtime;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Walking maps' keys and entries, and batch calls, on a hash and an array of the fixture.</summary>
public sealed partial class RuntimeEventsTests
{
    private static readonly uint[] TenKeys = [.. Enumerable.Range(1, 10).Select(key => (uint)key)];

    [TestMethod]
    [TestCategory("Kernel")]
    public void AHash_BatchUpdated_IsWalkedAndBatchReadInFull_AndBatchDeleted()
    {
        using BpfObject bpf = LoadedFixture();
        BpfMap calls = bpf.Map("GETPPID_CALLS");
        ulong[] values = [.. TenKeys.Select(key => key * 100ul)];

        Assert.AreEqual(10, calls.UpdateBatch<uint, ulong>(TenKeys, values));

        CollectionAssert.AreEquivalent(TenKeys, calls.Keys<uint>().ToArray(), "Keys");
        Dictionary<uint, ulong> walked = calls.Entries<uint, ulong>().ToDictionary();
        CollectionAssert.AreEquivalent(TenKeys, walked.Keys, "Entries");
        Assert.IsTrue(walked.All(entry => entry.Value == entry.Key * 100ul), string.Join(", ", walked));
        Dictionary<uint, ulong> batched = calls.LookupBatch<uint, ulong>(batchSize: 3).ToDictionary();
        CollectionAssert.AreEquivalent(walked, batched, "LookupBatch, 3 at a time");
        Assert.AreEqual(3, calls.DeleteBatch<uint>([1, 2, 3]));
        CollectionAssert.AreEquivalent(TenKeys[3..], calls.Keys<uint>().ToArray(), "Keys after DeleteBatch");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AnArray_HasEveryIndexAsAKey_BatchesReadAndWrite_ButCannotBatchDelete()
    {
        using BpfObject bpf = LoadedFixture();
        BpfMap frames = bpf.Map("FRAMES");

        Assert.AreEqual(2, frames.UpdateBatch<uint, ulong>([1, 3], [11, 33]));

        CollectionAssert.AreEqual(new uint[] { 0, 1, 2, 3 }, frames.Keys<uint>().ToArray(), "an array's keys: its indexes");
        CollectionAssert.AreEqual(new ulong[] { 0, 11, 0, 33 }, frames.Entries<uint, ulong>().Select(entry => entry.Value).ToArray(), "Entries");
        CollectionAssert.AreEqual(frames.Entries<uint, ulong>().ToArray(), frames.LookupBatch<uint, ulong>(batchSize: 3).ToArray(), "LookupBatch");
        NotSupportedException noDelete = Assert.ThrowsExactly<NotSupportedException>(() => frames.DeleteBatch<uint>([1]));
        Assert.Contains("map 'FRAMES' is a array map, which has no batch delete in this kernel", noDelete.Message);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void APerfEventArray_HasNoBatchLookup_AndSaysWhichTypeItIs()
    {
        using BpfObject bpf = LoadedFixture();

        NotSupportedException error = Assert.ThrowsExactly<NotSupportedException>(() => bpf.Map("PERF_EVENTS").LookupBatch<uint, uint>());

        Assert.Contains("map 'PERF_EVENTS' is a perf_event_array map, which has no batch lookup", error.Message);
    }
}
