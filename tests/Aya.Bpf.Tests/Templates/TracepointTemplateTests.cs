using System.Runtime.InteropServices;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Kernel.Libbpf;

namespace Aya.Bpf.Tests.Templates;

/// <summary>aya-tracepoint, on syscalls/sys_enter_getppid: counts this process's getppid calls once attached.</summary>
[TestClass]
public sealed partial class TracepointTemplateTests : TemplateTests
{
    private const int Calls = 3;

    private static readonly TemplateInstance Tracepoint = new(
        "aya-tracepoint", "Getppid_Counter",
        ["--program", "count_getppid", "--map", "GETPPID_CALLS", "--category", "syscalls", "--event", "sys_enter_getppid"],
        CrateName: "getppid_counter", Program: "count_getppid", ProgramType: "tracepoint", Section: "tracepoint/syscalls/sys_enter_getppid",
        Map: new ExpectedMap("GETPPID_CALLS", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 1024), MapValue: "INT 'u64'");

    private static readonly FixtureBuild Fixture = NewBuild(Tracepoint);

    private protected override FixtureBuild Build => Fixture;

    private protected override TemplateInstance Instance => Tracepoint;

    protected override IReadOnlyList<string> ReadmeExcerpts =>
    [
        "bpftool prog loadall bin/Release/getppid_counter.bpf.o /sys/fs/bpf/getppid_counter autoattach",
        "`tracepoint/syscalls/sys_enter_getppid`",
        "`TracePoint::attach(\"syscalls\", \"sys_enter_getppid\")`",
    ];

    /// <summary>getppid(2); glibc makes the syscall each time (it keeps no copy).</summary>
    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>Attached through libbpf as its section says, it counts each getppid of this process; detached, no more.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void Program_AttachedToItsTracepoint_CountsThisProcesssCalls()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        Build.Succeeded();
        using LibbpfObject loaded = LibbpfObject.Open(ObjectPath);
        Assert.AreEqual(0, loaded.Load(), loaded.Log);
        TraceFileSystem.EnsureMounted();

        using (loaded.Attach(Tracepoint.Program))
        {
            for (int call = 0; call < Calls; call++)
                Assert.IsGreaterThan(0, GetParentProcessId());
        }
        Assert.IsGreaterThan(0, GetParentProcessId(), "a call after the detach");

        byte[]? count = loaded.Lookup(Tracepoint.Map.Name, BitConverter.GetBytes((uint)Environment.ProcessId));
        Assert.IsNotNull(count, $"{Tracepoint.Map.Name} has no entry for this process ({Environment.ProcessId})");
        Assert.AreEqual((ulong)Calls, BitConverter.ToUInt64(count), $"{Tracepoint.Map.Name}[this process]");
    }
}
