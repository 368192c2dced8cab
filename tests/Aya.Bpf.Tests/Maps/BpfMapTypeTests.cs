using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class BpfMapTypeTests
{
    [TestMethod]
    [DataRow((uint)BpfMapType.Hash, 1u, "hash")]
    [DataRow((uint)BpfMapType.Array, 2u, "array")]
    [DataRow((uint)BpfMapType.ProgArray, 3u, "prog_array")]
    [DataRow((uint)BpfMapType.PerfEventArray, 4u, "perf_event_array")]
    [DataRow((uint)BpfMapType.LpmTrie, 11u, "lpm_trie")]
    [DataRow((uint)BpfMapType.Sockhash, 18u, "sockhash")]
    [DataRow((uint)BpfMapType.Queue, 22u, "queue")]
    [DataRow((uint)BpfMapType.DevmapHash, 25u, "devmap_hash")]
    [DataRow((uint)BpfMapType.Ringbuf, 27u, "ringbuf")]
    [DataRow((uint)BpfMapType.BloomFilter, 30u, "bloom_filter")]
    [DataRow((uint)BpfMapType.UserRingbuf, 31u, "user_ringbuf")]
    [DataRow((uint)BpfMapType.CgrpStorage, 32u, "cgrp_storage")]
    [DataRow((uint)BpfMapType.Arena, 33u, "arena")]
    public void NumbersAndNamesMatchTheKernel(uint value, uint number, string name)
    {
        var type = (BpfMapType)value;
        Assert.AreEqual(number, (uint)type);
        Assert.AreEqual(name, BpfMapTypes.NameOf(number));
        Assert.AreEqual(name, type.KernelName);
        Assert.AreEqual(type, type.Info.Type);
    }

    [TestMethod]
    public void TableHoldsEveryTypeInNumberOrder()
    {
        Assert.HasCount(33, BpfMapTypes.All);
        for (int i = 0; i < BpfMapTypes.All.Count; i++)
        {
            Assert.AreEqual((uint)(i + 1), (uint)BpfMapTypes.All[i].Type);
        }

        Assert.AreEqual(BpfMapTypes.All.Count, Enum.GetValues<BpfMapType>().Length - 1);
        Assert.HasCount(BpfMapTypes.All.Count, BpfMapTypes.All.Select(t => t.KernelName).Distinct());
    }

    [TestMethod]
    public void UnspecAndNumbersPastArenaAreUnknown()
    {
        Assert.IsFalse(BpfMapTypes.IsKnown(0));
        Assert.IsFalse(BpfMapTypes.IsKnown(34));
        Assert.IsFalse(BpfMapType.IsKnown(uint.MaxValue));
        Assert.IsTrue(BpfMapType.IsKnown(1));
        Assert.IsTrue(BpfMapTypes.IsKnown(33));
        Assert.IsFalse(BpfMapTypes.TryGet(0, out var info));
        Assert.IsNull(info);
        Assert.AreEqual("unknown map type 34", BpfMapTypes.NameOf(34));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => BpfMapTypes.Get(BpfMapType.Unspec));
    }

    [TestMethod]
    public void KeylessTypes()
    {
        BpfMapType[] keyless = [.. BpfMapTypes.All.Where(t => !t.HasKey).Select(t => t.Type)];

        CollectionAssert.AreEquivalent(
            new[] { BpfMapType.Queue, BpfMapType.Stack, BpfMapType.BloomFilter, BpfMapType.Ringbuf, BpfMapType.UserRingbuf, BpfMapType.Arena },
            keyless);
    }

    [TestMethod]
    public void ValuelessTypes()
    {
        BpfMapType[] valueless = [.. BpfMapTypes.All.Where(t => !t.HasValue).Select(t => t.Type)];

        CollectionAssert.AreEquivalent(new[] { BpfMapType.Ringbuf, BpfMapType.UserRingbuf, BpfMapType.Arena }, valueless);
    }

    [TestMethod]
    public void NoPreallocTypes()
    {
        BpfMapType[] noPrealloc = [.. BpfMapTypes.All.Where(t => t.RequiresNoPrealloc).Select(t => t.Type)];

        CollectionAssert.AreEquivalent(
            new[] { BpfMapType.LpmTrie, BpfMapType.SkStorage, BpfMapType.InodeStorage, BpfMapType.TaskStorage, BpfMapType.CgrpStorage },
            noPrealloc);
    }

    [TestMethod]
    [DataRow((uint)BpfMapType.Hash, (int)BpfMapUserTypes.KeyAndValue)]
    [DataRow((uint)BpfMapType.LruPercpuHash, (int)BpfMapUserTypes.KeyAndValue)]
    [DataRow((uint)BpfMapType.LpmTrie, (int)BpfMapUserTypes.KeyAndValue)]
    [DataRow((uint)BpfMapType.Array, (int)BpfMapUserTypes.Value)]
    [DataRow((uint)BpfMapType.PercpuArray, (int)BpfMapUserTypes.Value)]
    [DataRow((uint)BpfMapType.Queue, (int)BpfMapUserTypes.Value)]
    [DataRow((uint)BpfMapType.BloomFilter, (int)BpfMapUserTypes.Value)]
    [DataRow((uint)BpfMapType.TaskStorage, (int)BpfMapUserTypes.Value)]
    [DataRow((uint)BpfMapType.Sockhash, (int)BpfMapUserTypes.Key)]
    [DataRow((uint)BpfMapType.PerfEventArray, (int)BpfMapUserTypes.None)]
    [DataRow((uint)BpfMapType.ProgArray, (int)BpfMapUserTypes.None)]
    [DataRow((uint)BpfMapType.HashOfMaps, (int)BpfMapUserTypes.None)]
    [DataRow((uint)BpfMapType.Xskmap, (int)BpfMapUserTypes.None)]
    [DataRow((uint)BpfMapType.StackTrace, (int)BpfMapUserTypes.None)]
    [DataRow((uint)BpfMapType.Ringbuf, (int)BpfMapUserTypes.None)]
    public void UserChosenKeyAndValueTypes(uint type, int expected) =>
        Assert.AreEqual((BpfMapUserTypes)expected, ((BpfMapType)type).Info.UserTypes);

    [TestMethod]
    public void OnlyMapInMapAndProgArrayAcceptValues()
    {
        BpfMapType[] accepting = [.. BpfMapTypes.All.Where(t => t.AcceptsValues).Select(t => t.Type)];

        CollectionAssert.AreEquivalent(new[] { BpfMapType.ProgArray, BpfMapType.ArrayOfMaps, BpfMapType.HashOfMaps }, accepting);
        Assert.IsTrue(BpfMapType.Ringbuf.Info.IsRingBuffer);
        Assert.IsTrue(BpfMapType.UserRingbuf.Info.IsRingBuffer);
        Assert.IsFalse(BpfMapType.Queue.Info.IsRingBuffer);
    }

    [TestMethod]
    [DataRow(4096u, true)]
    [DataRow(8192u, true)]
    [DataRow(256u * 1024, true)]
    [DataRow(0x8000_0000u, true)]
    [DataRow(0u, false)]
    [DataRow(2048u, false)]
    [DataRow(3u * 4096, false)]
    [DataRow(4097u, false)]
    public void RingBufferSizeIsAPowerOfTwoNumberOfPages(uint maxEntries, bool valid) =>
        Assert.AreEqual(valid, BpfMapTypes.IsValidRingBufferSize(maxEntries));

    [TestMethod]
    public void RingBufferSizeRoundsUpLikeLibbpf()
    {
        Assert.AreEqual(4096u, BpfMapTypes.RingBufferSizeAtLeast(1));
        Assert.AreEqual(4096u, BpfMapTypes.RingBufferSizeAtLeast(4096));
        Assert.AreEqual(16384u, BpfMapTypes.RingBufferSizeAtLeast(3 * 4096));
        Assert.AreEqual(0x8000_0000u, BpfMapTypes.RingBufferSizeAtLeast(0x7fff_ffff));
        Assert.IsNull(BpfMapTypes.RingBufferSizeAtLeast(0x8000_0001));
    }
}
