using System.Text;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Objects opened from bytes: the runtime's own copy is what libbpf parses up to the load.</summary>
public sealed partial class RuntimeEventsTests
{
    [TestMethod]
    [TestCategory("Kernel")]
    public void AnObjectOpenedFromBytes_LoadsAndRuns_EvenWithTheCallersBytesOverwrittenBeforeLoad()
    {
        RequireFixture();
        byte[] bytes = File.ReadAllBytes(ObjectPath);
        using BpfObject bpf = BpfObject.Open(bytes, "runtime-events-from-memory");
        Array.Clear(bytes);

        bpf.Load();

        Assert.AreEqual(XdpPass, bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket(), repeat: 3).ReturnValue);
        Assert.IsTrue(bpf.Map("SEQUENCE").TryLookup(0u, out ulong next));
        Assert.AreEqual(3ul, next, "three runs numbered");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AnObjectOpenedFromAStream_Loads()
    {
        RequireFixture();
        using FileStream stream = File.OpenRead(ObjectPath);
        using BpfObject bpf = BpfObject.Open(stream, "runtime-events-from-a-stream");

        bpf.Load();

        Assert.IsTrue(bpf.IsLoaded);
        Assert.AreEqual(XdpPass, bpf.Program("number_runs").TestRun(BpfObjectAssertions.TestPacket()).ReturnValue);
    }

    [TestMethod]
    public void BytesThatAreNotAnObject_ThrowWithLibbpfsReason()
    {
        BpfException error = Assert.ThrowsExactly<BpfException>(() => BpfObject.Open(Encoding.ASCII.GetBytes("not ELF"), "not-elf"));

        Assert.AreNotEqual(0, error.ErrorCode, error.Message);
        Assert.Contains("libbpf cannot open not-elf (7 bytes)", error.Message);
        Assert.Contains("libbpf: elf", error.Log, error.Message);
    }

    [TestMethod]
    public void AResourceThatIsNotThere_IsAClearError()
    {
        BpfNotFoundException error = Assert.ThrowsExactly<BpfNotFoundException>(() => BpfObject.OpenResource(typeof(RuntimeEventsTests).Assembly, "nothing.bpf.o"));

        Assert.Contains("Aya.Bpf.Tests has no resource 'nothing.bpf.o'", error.Message);
    }
}
