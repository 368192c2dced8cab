using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>
/// The runtime's attach, pin, map and event APIs on the runtime-events fixture (one object, one
/// program of each kind: see tests/fixtures/runtime-events/src/main.rs), built once for the class.
/// Its programs count under the caller's tgid, so the tests read their own process's counts.
/// </summary>
[TestClass]
public sealed partial class RuntimeEventsTests
{
    private const string ObjectFile = "runtime-events/bin/Release/runtime-events.bpf.o";
    private const uint XdpPass = 2;
    private static readonly FixtureBuild Fixture = new("runtime-events/runtime-events.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>getppid(2); glibc makes the syscall each time (it keeps no copy).</summary>
    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    private static uint ThisProcess => (uint)Environment.ProcessId;

    private static string ObjectPath => Fixture.Workspace.PathOf(ObjectFile);

    private static BpfObject LoadedFixture()
    {
        RequireFixture();
        return LoadedObjects.Load(ObjectPath);
    }

    private static void RequireFixture()
    {
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
    }

    private static void CallGetppid(int times)
    {
        for (int call = 0; call < times; call++)
            Assert.IsGreaterThan(0, GetParentProcessId());
    }

    /// <summary>The count a program keeps for this process in a hash of tgid to u64; 0 when it has none.</summary>
    private static ulong CountOfThisProcess(BpfObject bpf, string map) =>
        bpf.Map(map).TryLookup(ThisProcess, out ulong count) ? count : 0;

    /// <summary>Sends UDP datagrams to this machine over loopback, which lo's XDP and TC hooks see.</summary>
    private static void SendOverLoopback(int datagrams)
    {
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new UdpClient();
        var target = (IPEndPoint)receiver.Client.LocalEndPoint!;
        for (int i = 0; i < datagrams; i++)
            Assert.AreEqual(4, sender.Send([1, 2, 3, 4], 4, target));
        for (int i = 0; i < datagrams; i++)
        {
            IPEndPoint? from = null;
            Assert.HasCount(4, receiver.Receive(ref from), "a datagram the hooks passed on");
        }
    }

    /// <summary>What bpftool lists as attached to lo (XDP and TC).</summary>
    private static string NetworkHooksOfLoopback()
    {
        ProcessResult shown = ChildProcess.Run(RequiredTool.BpftoolPath(), ["net", "show", "dev", "lo"], TimeSpan.FromMinutes(1));
        Assert.IsTrue(shown.Succeeded, shown.Output);
        return shown.StandardOutput;
    }
}
