using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Attaching each kind of program, triggering it from this process, and what it counted.</summary>
public sealed partial class RuntimeEventsTests
{
    /// <summary>getsid(2) through libc's function, where the uprobe sits.</summary>
    [LibraryImport("libc", EntryPoint = "getsid")]
    private static partial int GetSessionId(int processId);

    /// <summary>Calls getsid(0) through libc; 0 is a valid answer (a session led from outside this pid namespace, as in a container), -1 is not.</summary>
    private static void CallGetsid(int times)
    {
        for (int call = 0; call < times; call++)
            Assert.IsGreaterThanOrEqualTo(0, GetSessionId(0), "getsid(0) succeeds");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void Attach_BySection_CountsThisProcesssGetppidCalls_UntilTheLinkIsDisposed()
    {
        using BpfObject bpf = LoadedFixture();
        TraceFileSystem.EnsureMounted();

        using (BpfLink link = bpf.Program("count_getppid").Attach())
        {
            CallGetppid(5);
            Assert.Contains("count_getppid", link.Description);
        }
        CallGetppid(2);

        Assert.AreEqual(5ul, CountOfThisProcess(bpf, "GETPPID_CALLS"), "calls while attached, none after");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachTracepoint_ByCategoryAndName_CountsThisProcesssCalls()
    {
        using BpfObject bpf = LoadedFixture();
        TraceFileSystem.EnsureMounted();

        using (bpf.Program("count_getppid").AttachTracepoint("syscalls", "sys_enter_getppid"))
            CallGetppid(3);
        CallGetppid(1);

        Assert.AreEqual(3ul, CountOfThisProcess(bpf, "GETPPID_CALLS"));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachTracepoint_ThatDoesNotExist_ThrowsWithErrnoAndLibbpfsLog()
    {
        using BpfObject bpf = LoadedFixture();
        TraceFileSystem.EnsureMounted();

        BpfException error = Assert.ThrowsExactly<BpfException>(() => bpf.Program("count_getppid").AttachTracepoint("syscalls", "sys_enter_no_such_call"));

        Assert.AreEqual(2, error.ErrorCode, error.Message);
        Assert.Contains("cannot attach program 'count_getppid' to tracepoint syscalls/sys_enter_no_such_call: ENOENT", error.Message);
        Assert.Contains("sys_enter_no_such_call", error.Log, error.Message);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachRawTracepoint_SeesEverySyscall_TheProgramCountsGetppid()
    {
        using BpfObject bpf = LoadedFixture();

        using (bpf.Program("raw_count_getppid").AttachRawTracepoint("sys_enter"))
            CallGetppid(4);
        CallGetppid(1);

        Assert.AreEqual(4ul, CountOfThisProcess(bpf, "RAW_PPID_CALLS"));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachXdp_ToLoopback_SeesItsPackets_AndIsGoneOnceDisposed()
    {
        using BpfObject bpf = LoadedFixture();
        BpfProgram program = bpf.Program("number_runs");

        using (program.AttachXdp("lo"))
        {
            StringAssert.Contains(NetworkHooksOfLoopback(), $"lo(1) generic id {program.Id}", "bpftool net show dev lo, while attached");
            SendOverLoopback(3);
        }

        Assert.IsGreaterThanOrEqualTo(3ul, bpf.Map("RUNS").SumPerCpu<uint, ulong>(0u), "lo's XDP ran for each datagram (and for any other lo traffic)");
        Assert.DoesNotContain($"id {program.Id}", NetworkHooksOfLoopback(), "bpftool net show dev lo, once disposed");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachTc_ToLoopbackIngress_SeesItsFrames_AndRemovesTheQdiscItCreated()
    {
        using BpfObject bpf = LoadedFixture();
        Assert.DoesNotContain("clsact", NetworkHooksOfLoopback(), "lo has no clsact qdisc before the test");

        using (BpfTcAttachment attached = bpf.Program("count_frames").AttachTc(1, BpfTcDirection.Ingress))
        {
            Assert.IsTrue(attached.CreatedQdisc);
            StringAssert.Contains(NetworkHooksOfLoopback(), "clsact/ingress count_frames", "bpftool net show dev lo, while attached");
            SendOverLoopback(3);
        }

        Assert.IsTrue(bpf.Map("FRAMES").TryLookup(0u, out ulong frames));
        Assert.IsGreaterThanOrEqualTo(3ul, frames, "lo's ingress saw each datagram (and any other lo traffic)");
        Assert.DoesNotContain("count_frames", NetworkHooksOfLoopback(), "bpftool net show dev lo, once disposed");
    }

    /// <summary>A second attach finds the qdisc the first made: disposing it removes its filter only, the first's disposal the qdisc.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachTc_OnAQdiscThatExists_RemovesOnlyItsFilter()
    {
        using BpfObject bpf = LoadedFixture();
        BpfProgram program = bpf.Program("count_frames");

        using (BpfTcAttachment ingress = program.AttachTc("lo", BpfTcDirection.Ingress))
        {
            using (BpfTcAttachment egress = program.AttachTc("lo", BpfTcDirection.Egress))
            {
                Assert.AreEqual((true, false), (ingress.CreatedQdisc, egress.CreatedQdisc));
                StringAssert.Contains(NetworkHooksOfLoopback(), "clsact/egress count_frames");
            }
            string afterEgress = NetworkHooksOfLoopback();
            Assert.DoesNotContain("clsact/egress", afterEgress, "the egress filter is gone");
            StringAssert.Contains(afterEgress, "clsact/ingress count_frames", "the ingress filter stays");
        }

        Assert.DoesNotContain("clsact", NetworkHooksOfLoopback(), "the qdisc went with the attach that created it");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachUprobe_ToALibcFunction_CountsThisProcesssCalls()
    {
        Assert.IsTrue(Directory.Exists("/sys/bus/event_source/devices/uprobe"), "this kernel has the uprobe PMU");
        using BpfObject bpf = LoadedFixture();

        using (bpf.Program("count_calls").AttachUprobe(MappedLibc(), "getsid", processId: Environment.ProcessId))
        {
            CallGetsid(3);
        }
        CallGetsid(1);

        Assert.AreEqual(3ul, CountOfThisProcess(bpf, "UPROBE_CALLS"));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachUprobe_AsARetprobe_CountsEachReturn()
    {
        using BpfObject bpf = LoadedFixture();

        using (BpfLink link = bpf.Program("count_calls").AttachUprobe(MappedLibc(), "getsid", retprobe: true, processId: Environment.ProcessId))
        {
            CallGetsid(2);
            Assert.Contains("to uretprobe", link.Description);
        }

        Assert.AreEqual(2ul, CountOfThisProcess(bpf, "UPROBE_CALLS"));
    }

    /// <summary>By offset into the file: where getsid's code is, found from its address in this process and libc's mapping.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachUprobe_AtAnOffsetIntoTheFile_CountsThisProcesssCalls()
    {
        using BpfObject bpf = LoadedFixture();
        (string libc, long offset) = FileOffsetOf("getsid");

        using (bpf.Program("count_calls").AttachUprobe(libc, offset, processId: Environment.ProcessId))
        {
            CallGetsid(4);
        }

        Assert.AreEqual(4ul, CountOfThisProcess(bpf, "UPROBE_CALLS"));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachUprobe_ToASymbolThatIsNotThere_ThrowsWithLibbpfsReason()
    {
        using BpfObject bpf = LoadedFixture();

        BpfException error = Assert.ThrowsExactly<BpfException>(() => bpf.Program("count_calls").AttachUprobe(MappedLibc(), "no_such_function_here"));

        Assert.AreNotEqual(0, error.ErrorCode, error.Message);
        Assert.Contains("no_such_function_here", error.Log, error.Message);
    }

    /// <summary>This kernel is built without CONFIG_KPROBES: the attach says so, not only ENOENT.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void AttachKprobe_OnAKernelWithoutKprobes_SaysSo()
    {
        if (Directory.Exists("/sys/bus/event_source/devices/kprobe"))
            RequiredTool.Unfit("this kernel has kprobes");
        using BpfObject bpf = LoadedFixture();

        BpfException error = Assert.ThrowsExactly<BpfException>(() => bpf.Program("probe_kernel").AttachKprobe("do_sys_openat2"));

        Assert.AreEqual(2, error.ErrorCode, error.Message);
        Assert.Contains("cannot attach program 'probe_kernel' to kprobe do_sys_openat2", error.Message);
        Assert.Contains("this kernel has no kprobe support (built without CONFIG_KPROBES", error.Message);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void Attach_BeforeLoad_IsRefusedBeforeLibbpfSeesIt()
    {
        RequireFixture();
        using BpfObject bpf = BpfObject.Open(ObjectPath);

        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => bpf.Program("count_getppid").Attach());

        Assert.Contains("BpfObject.Load", error.Message);
    }

    /// <summary>The file and offset in it of libc's <paramref name="symbol"/>: its address, less its mapping's start, plus the mapping's file offset.</summary>
    private static (string File, long Offset) FileOffsetOf(string symbol)
    {
        ulong address = (ulong)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), symbol);
        foreach (string[] fields in File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            string[] range = fields[0].Split('-');
            (ulong start, ulong end) = (Convert.ToUInt64(range[0], 16), Convert.ToUInt64(range[1], 16));
            if (address >= start && address < end && fields.Length >= 6)
                return (fields[5], (long)(address - start + Convert.ToUInt64(fields[2], 16)));
        }
        throw new AssertFailedException($"no mapping of this process holds {symbol} at 0x{address:x}");
    }

    /// <summary>The libc this process maps, as /proc/self/maps names it.</summary>
    private static string MappedLibc() =>
        File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(fields => fields.Length >= 6)
            .Select(fields => fields[5]).FirstOrDefault(path => Path.GetFileName(path).StartsWith("libc.so", StringComparison.Ordinal))
        ?? throw new AssertFailedException("this process maps no libc.so");
}
