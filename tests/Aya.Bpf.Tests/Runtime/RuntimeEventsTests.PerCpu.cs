using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Per-CPU maps, and map definitions changed before load.</summary>
public sealed partial class RuntimeEventsTests
{
    private const int Runs = 50;

    [StructLayout(LayoutKind.Sequential)]
    private struct TwoCounts
    {
        public ulong First;
        public ulong Second;
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void PerCpuValues_OfAnArrayAndAHash_SumToWhatTheProgramCounted()
    {
        using BpfObject bpf = LoadedFixture();
        BpfProgram program = bpf.Program("number_runs");

        Assert.AreEqual(XdpPass, program.TestRun(BpfObjectAssertions.TestPacket(), repeat: Runs).ReturnValue);

        BpfMap runs = bpf.Map("RUNS");
        ulong[] perCpu = runs.LookupPerCpu<uint, ulong>(0);
        Assert.HasCount(Environment.ProcessorCount, perCpu, "a value per possible CPU (this machine's CPUs are all online)");
        Assert.AreEqual((ulong)Runs, perCpu.Aggregate(0ul, (sum, value) => sum + value));
        Assert.AreEqual((ulong)Runs, runs.SumPerCpu<uint, ulong>(0));
        Assert.AreEqual((ulong)(Runs * BpfObjectAssertions.TestPacket().Length), bpf.Map("PACKET_BYTES").SumPerCpu<uint, ulong>(0), "bytes of every run's packet");
        Assert.IsFalse(bpf.Map("PACKET_BYTES").TryLookupPerCpu(1u, out ulong[] _), "key 1 of the hash was never written");
        Assert.AreEqual((true, false, "percpu_array"), (runs.IsPerCpu, bpf.Map("SEQUENCE").IsPerCpu, runs.TypeName));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void PerCpuValues_WrittenFromUserSpace_ReadBackPerCpu_AndAPlainMapRefusesThem()
    {
        using BpfObject bpf = LoadedFixture();
        BpfMap runs = bpf.Map("RUNS");
        ulong[] written = [.. Enumerable.Range(1, Environment.ProcessorCount).Select(cpu => (ulong)cpu * 10)];

        runs.UpdatePerCpu(0u, written);

        CollectionAssert.AreEqual(written, runs.LookupPerCpu<uint, ulong>(0));
        InvalidOperationException plain = Assert.ThrowsExactly<InvalidOperationException>(() => bpf.Map("SEQUENCE").LookupPerCpu<uint, ulong>(0));
        Assert.Contains("map 'SEQUENCE' is a array map, which has one value per key", plain.Message);
        ArgumentException tooFew = Assert.ThrowsExactly<ArgumentException>(() => runs.UpdatePerCpu(0u, new ulong[] { 1 }));
        Assert.Contains($"{Environment.ProcessorCount} values, not 1", tooFew.Message);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void SetMaxEntriesAndValueSize_BeforeLoad_MakeTheKernelsMap_AfterLoadAreRefused()
    {
        RequireFixture();
        using BpfObject bpf = BpfObject.Open(ObjectPath);
        BpfMap frames = bpf.Map("FRAMES");
        frames.SetMaxEntries(16);
        frames.SetValueSize(16);
        bpf.Load();

        Assert.AreEqual((16, 16), (frames.MaxEntries, frames.ValueSize));
        frames.Update(15u, new TwoCounts { First = 7, Second = 9 });
        Assert.IsTrue(frames.TryLookup(15u, out TwoCounts last));
        Assert.AreEqual((7ul, 9ul), (last.First, last.Second), "index 15 exists in the kernel's array, with values of 16 bytes");
        BpfException beyond = Assert.ThrowsExactly<BpfException>(() => frames.Update(16u, new TwoCounts()));
        Assert.AreEqual(7, beyond.ErrorCode, beyond.Message);
        InvalidOperationException late = Assert.ThrowsExactly<InvalidOperationException>(() => frames.SetMaxEntries(32));
        Assert.Contains("map 'FRAMES' is already created in the kernel: call SetMaxEntries after BpfObject.Open and before BpfObject.Load", late.Message);
        Assert.ThrowsExactly<InvalidOperationException>(() => frames.SetValueSize(8));
    }
}
