using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.KernelTypes;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// tests/fixtures/core-access reads kernel structures through the SDK's relocatable-access macros:
/// task_struct (the kernel's bindings) from a syscall tracepoint, and the XDP context through a
/// local type laid out unlike the kernel's xdp_md. libbpf relocates each access to the running
/// kernel's layout; these tests check what the programs read.
/// </summary>
[TestClass]
public sealed partial class CoreAccessTests
{
    private const string ObjectFile = "core-access/bin/Release/core-access.bpf.o";
    private static readonly FixtureBuild Fixture = new("core-access/core-access.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [InlineArray(16)]
    private struct Comm
    {
        private byte _first;
    }

    /// <summary>The fixture's `Seen`: what task_struct said (relocated) beside what the helpers said.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Seen
    {
        public int Pid;
        public int Tgid;
        public uint HelperPid;
        public uint HelperTgid;
        public Comm Comm;
        public uint CommSize;
        public uint TaskSize;
        public uint HasPid;
        public uint HasMissing;
    }

    private static string ObjectPath => Fixture.Workspace.PathOf(ObjectFile);

    private static BpfObject LoadedFixture()
    {
        RequiredTool.CargoPath();
        _ = RequiredTool.KernelBtf();
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
        return Runtime.LoadedObjects.Load(ObjectPath);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void Xdp_ThroughALocalTypeLaidOutUnlikeTheKernels_ReadsTheKernelsFields_WhereFixedOffsetsMissThem()
    {
        using BpfObject bpf = LoadedFixture();

        bpf.Program("lengths").TestRun(new byte[64]);
        bpf.Program("lengths_fixed").TestRun(new byte[64]);

        Assert.IsTrue(bpf.Map("LENGTHS").TryLookup(0u, out uint relocated));
        Assert.IsTrue(bpf.Map("LENGTHS").TryLookup(1u, out uint fixedOffsets));
        Assert.AreEqual(64u, relocated, "data_end - data through xdp_md___shuffled, relocated to the kernel's xdp_md");
        Assert.AreNotEqual(64u, fixedOffsets, "the same type read at its own offsets reads ingress_ifindex and rx_queue_index instead");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void Tracepoint_ReadsTaskStructThroughRelocations_AndSeesThisThread()
    {
        using BpfObject bpf = LoadedFixture();

        var (seen, thread, comm) = TriggerWhoami(bpf);

        Assert.AreEqual(Environment.ProcessId, seen.Tgid, "task->tgid is this process");
        Assert.AreEqual(thread, seen.Pid, "task->pid is the calling thread");
        Assert.AreEqual(((uint)seen.Pid, (uint)seen.Tgid), (seen.HelperPid, seen.HelperTgid), "task_struct agrees with bpf_get_current_pid_tgid");
        Assert.AreEqual(comm, CommText(seen.Comm), "task->comm is the thread's name");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void FieldAndTypeInformation_IsTheRunningKernels()
    {
        using BpfObject bpf = LoadedFixture();

        var (seen, _, _) = TriggerWhoami(bpf);
        var taskStruct = RunningKernelTypes.Composite("task_struct");
        Assert.AreEqual(taskStruct.Size, seen.TaskSize, "core_type_size!(task_struct) is the kernel's size");
        Assert.AreEqual(16u, seen.CommSize, "core_field_size!(task_struct, comm)");
        Assert.AreEqual(1u, seen.HasPid, "task_struct___missing's pid is the kernel's task_struct.pid");
        Assert.AreEqual(0u, seen.HasMissing, "no kernel's task_struct has no_such_member");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void LibbpfsLog_ShowsEveryRelocationResolved()
    {
        RequiredTool.ForKernelLoad();
        RequiredTool.CargoPath();
        Fixture.Succeeded();

        LoadResult load = Bpftool.LoadAll(ObjectPath);

        Assert.AreEqual(0, load.ExitCode, load.Describe());
        Assert.IsEmpty(load.BtfRejectionLines, load.Describe());
        var relocations = CoreRelocationLog.Parse(load.Log);
        Assert.HasCount(9, relocations, load.Log);
        foreach (var relocation in relocations)
        {
            Assert.IsFalse(relocation.Poisoned, $"{relocation}: libbpf found no target and poisoned the instruction");
            Assert.IsNotNull(relocation.Patched, $"{relocation}: never patched");
        }
        var missing = relocations.Single(r => r.Spec.Contains("no_such_member", StringComparison.Ordinal));
        Assert.AreEqual("field_exists", missing.Kind);
        StringAssert.EndsWith(missing.Patched, "imm 1 -> 0", "the field the kernel lacks does not exist");
    }

    private static string CommText(Comm comm)
    {
        ReadOnlySpan<byte> bytes = comm;
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>Attaches whoami, calls getppid once from this thread, and reads what whoami recorded for this process.</summary>
    private static (Seen Seen, int Thread, string Comm) TriggerWhoami(BpfObject bpf)
    {
        TraceFileSystem.EnsureMounted();
        int thread;
        string comm;
        using (bpf.Program("whoami").Attach())
        {
            thread = GetThreadId();
            Assert.IsGreaterThanOrEqualTo(0, GetParentProcessId());
            comm = File.ReadAllText($"/proc/self/task/{thread}/comm").TrimEnd('\n');
        }
        Assert.IsTrue(bpf.Map("SEEN").TryLookup((uint)Environment.ProcessId, out Seen seen), "whoami ran for this process");
        return (seen, thread, comm);
    }
}
