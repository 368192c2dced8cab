using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class BtfMapPlannerTests
{
    private const uint Hash = 1;
    private const uint Array = 2;
    private const uint PerfEventArray = 4;
    private const uint Queue = 22;
    private const uint RingBuf = 27;
    private const uint CgroupStorage = 19;
    private const uint PercpuCgroupStorage = 21;

    private const uint LpmTrie = 11;
    private const uint ProgArray = 3;

    private static readonly MapTypeArgument U32 = SizeNamedMapTypes.U32;
    private static readonly MapTypeArgument Counter = new("Counter", default, 16);

    [TestMethod]
    public void HashMapKeyAndValueBecomeTypedPointers()
    {
        var plan = Plan(Definition(Hash, 4, 16, 64), [U32, Counter]);

        CollectionAssert.AreEqual(new[] { "type", "key", "value", "max_entries" }, Names(plan));
        Assert.AreSame(U32, plan.Key);
        Assert.AreSame(Counter, plan.Value);
        Assert.AreEqual(64u, Integer(plan, "max_entries"));
    }

    /// <summary>The kernel refuses a cgroup storage key typed as anything but its struct (16 bytes) or the inode id (u64).</summary>
    [TestMethod]
    [DataRow(CgroupStorage, 16u, "bpf_cgroup_storage_key")]
    [DataRow(PercpuCgroupStorage, 16u, "bpf_cgroup_storage_key")]
    [DataRow(CgroupStorage, 8u, "u64")]
    public void ACgroupStorageKeyIsTypedAsTheKernelRequires(uint type, uint keySize, string keyType)
    {
        var plan = Plan(Definition(type, keySize, 16, 0), [Counter]);

        Assert.AreEqual(keyType, plan.Key!.Name);
        Assert.AreSame(Counter, plan.Value);
    }

    [TestMethod]
    public void SizesThatContradictTheTypesAreRefused()
    {
        var plan = BtfMapPlanner.Plan(Definition(Hash, 4, 8, 64), [U32, Counter], new SizeNamedMapTypes(), out var contradiction);

        Assert.IsNull(plan);
        Assert.AreEqual("value_size is 8 but its value type Counter is 16 bytes", contradiction);
    }

    [TestMethod]
    public void WithoutTypeArgumentsTheSizesAreIntegers()
    {
        var plan = Plan(Definition(Hash, 4, 16, 64), []);

        CollectionAssert.AreEqual(new[] { "type", "key_size", "value_size", "max_entries" }, Names(plan));
        Assert.AreEqual(16u, Integer(plan, "value_size"));
    }

    [TestMethod]
    public void ArrayKeyIsU32AndItsValueTheTypeArgument()
    {
        var plan = Plan(Definition(Array, 4, 16, 1), [Counter]);

        Assert.AreSame(U32, plan.Key);
        Assert.AreSame(Counter, plan.Value);
    }

    [TestMethod]
    public void PerfEventArrayIgnoresItsEventTypeArgument()
    {
        var plan = Plan(Definition(PerfEventArray, 4, 4, 0), [Counter]);

        Assert.AreSame(U32, plan.Key);
        Assert.AreSame(U32, plan.Value);
    }

    [TestMethod]
    public void KernelDefinedKeyAndValueAreBothTyped()
    {
        var plan = Plan(Definition(ProgArray, 4, 4, 8), []);

        CollectionAssert.AreEqual(new[] { "type", "key", "value", "max_entries" }, Names(plan));
        Assert.AreSame(U32, plan.Value);
    }

    [TestMethod]
    public void LpmTrieKeyIsAStructOfPrefixAndData()
    {
        var typed = Plan(Definition(LpmTrie, 8, 16, 16) with { MapFlags = 1 }, [U32, Counter]);
        var untyped = Plan(Definition(LpmTrie, 8, 16, 16) with { MapFlags = 1 }, []);

        Assert.AreEqual("lpm_key_u32", typed.Key!.Name);
        Assert.AreSame(Counter, typed.Value);
        Assert.AreEqual("lpm_key_bytes", untyped.Key!.Name);
        Assert.AreEqual(8ul, untyped.Key.SizeInBytes);
    }

    [TestMethod]
    public void KeylessMapsHaveNoKeyMember()
    {
        var queue = Plan(Definition(Queue, 0, 16, 8), [Counter]);
        var ringBuf = Plan(Definition(RingBuf, 0, 0, 4096), []);

        CollectionAssert.AreEqual(new[] { "type", "value", "max_entries" }, Names(queue));
        CollectionAssert.AreEqual(new[] { "type", "max_entries" }, Names(ringBuf));
    }

    [TestMethod]
    public void FlagsAndPinningAppearOnlyWhenSet()
    {
        var plain = Plan(Definition(Hash, 4, 16, 64), []);
        var pinned = Plan(Definition(Hash, 4, 16, 64) with { MapFlags = 1, Pinning = 1 }, []);

        CollectionAssert.DoesNotContain(Names(plain), "map_flags");
        CollectionAssert.DoesNotContain(Names(plain), "pinning");
        Assert.AreEqual(1u, Integer(pinned, "map_flags"));
        Assert.AreEqual(1u, Integer(pinned, "pinning"));
    }

    private static LegacyMapDefinition Definition(uint type, uint keySize, uint valueSize, uint maxEntries) =>
        new(type, keySize, valueSize, maxEntries, 0, 0, 0);

    private static BtfMapPlan Plan(LegacyMapDefinition definition, MapTypeArgument[] arguments)
    {
        var plan = BtfMapPlanner.Plan(definition, arguments, new SizeNamedMapTypes(), out var contradiction);
        Assert.IsNotNull(plan, contradiction);
        return plan;
    }

    private static string[] Names(BtfMapPlan plan) => plan.Members.Select(m => m.Name).ToArray();

    private static uint Integer(BtfMapPlan plan, string name) =>
        plan.Members.OfType<BtfMapIntegerMember>().Single(m => m.Name == name).Value;
}
