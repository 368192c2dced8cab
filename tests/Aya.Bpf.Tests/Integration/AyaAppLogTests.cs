using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;
using Aya.Bpf.Tests.Kernel.Libbpf;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// aya-log end to end on the template-shaped workspace: the programs log through the AYA_LOGS ring
/// buffer (a map only in the cfg(target_arch = "bpf") branch); loaded and run (XDP) or attached and
/// triggered (the getpid tracepoint) through libbpf, the test reads the records from the map as
/// user space does and decodes the logged values. The loader's AYA_LOG_LEVEL filters them.
/// </summary>
public sealed partial class AyaAppTests
{
    private const string MainSource = "aya-app/aya-app-ebpf/src/main.rs";

    /// <summary>getpid(2), as a syscall of its own: the tracepoint fires for each.</summary>
    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number);

    private const long SysGetpidX64 = 39;

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void XdpProgram_LogsThePacket_AndTheRecordDecodesToItsValues()
    {
        using LibbpfObject loaded = LoadWithLibbpf("aya-app.bpf.o", logLevel: null);

        Assert.AreEqual(XdpPass, loaded.Run("aya_app", TestPackets.Ipv4Tcp(goodChecksum: true)));

        AyaLogRecord record = Assert.ContainsSingle(Records(loaded));
        int line = SourceText.LineOf(SourceText.Read(Fixture.Workspace, MainSource), "info!(ctx, \"packet from");
        Assert.AreEqual(new AyaLogRecord(AyaLogRecord.Info, line, "aya_app", "packet from {} protocol {} action {}", record.Arguments), record);
        CollectionAssert.AreEqual(new long[] { TestPackets.Ipv4Source, TestPackets.Tcp, XdpPass }, record.Arguments.ToArray());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void TracepointProgram_CountsThisProcesssGetpidCalls_AndLogsItsPid()
    {
        using LibbpfObject loaded = LoadWithLibbpf("trace-getpid.bpf.o", logLevel: null);

        CallGetpidTwice(loaded);

        // Other threads of this test process may call getpid while the program is attached too.
        ulong calls = Calls(loaded);
        Assert.IsGreaterThanOrEqualTo(2UL, calls, "GETPID_CALLS[this process]");
        var ours = Records(loaded).Where(r => r.Arguments.SequenceEqual([(long)Environment.ProcessId])).ToList();
        Assert.AreEqual((int)calls, ours.Count, "a record per call from this process");
        Assert.IsTrue(ours.All(r => r is { Level: AyaLogRecord.Debug, Module: "trace_getpid", Format: "getpid from {}" }), string.Join("; ", ours));
    }

    /// <summary>The loader lowers AYA_LOG_LEVEL (.rodata) to Info before load: the program still counts, and logs no Debug record.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void TheLoadersLogLevel_FiltersTheDebugRecords()
    {
        using LibbpfObject loaded = LoadWithLibbpf("trace-getpid.bpf.o", logLevel: AyaLogRecord.Info);

        CallGetpidTwice(loaded);

        Assert.IsGreaterThanOrEqualTo(2UL, Calls(loaded), "GETPID_CALLS[this process]");
        Assert.IsFalse(Records(loaded).Any(r => r.Arguments.SequenceEqual([(long)Environment.ProcessId])), "no Debug record under an Info level");
    }

    private static void CallGetpidTwice(LibbpfObject loaded)
    {
        TraceFileSystem.EnsureMounted();
        using BpfLinkHandle link = loaded.Attach("trace_getpid");
        Assert.AreEqual(Environment.ProcessId, Syscall(SysGetpidX64));
        Assert.AreEqual(Environment.ProcessId, Syscall(SysGetpidX64));
    }

    private static ulong Calls(LibbpfObject loaded) =>
        BitConverter.ToUInt64(loaded.Lookup("GETPID_CALLS", BitConverter.GetBytes((uint)Environment.ProcessId)) ?? new byte[8]);

    private static List<AyaLogRecord> Records(LibbpfObject loaded) =>
        [.. RingBufferRecords.Drain(loaded.MapFd("AYA_LOGS")).Select(AyaLogRecord.Parse)];

    // Opens a bin's object with libbpf, sets aya-log's level in .rodata when asked (as aya's loader
    // does), and loads it.
    private static LibbpfObject LoadWithLibbpf(string objectName, int? logLevel)
    {
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
        string path = Fixture.Workspace.PathOf($"{Output}/{objectName}");
        LibbpfObject loaded = LibbpfObject.Open(path);
        try
        {
            if (logLevel is { } level)
            {
                ElfObjectSymbol symbol = ElfObjectHeader.Symbol(path, "AYA_LOG_LEVEL") ?? throw new AssertFailedException($"{path} has no AYA_LOG_LEVEL");
                Assert.AreEqual(".rodata", symbol.Section);
                loaded.InitialValue(".rodata")[(int)symbol.Offset] = (byte)level;
            }
            Assert.AreEqual(0, loaded.Load(), loaded.Log);
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }
}
