using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Pins under /sys/fs/bpf (a unique name per test, removed at its end): what they keep alive and what unpinning removes.</summary>
public sealed partial class RuntimeEventsTests
{
    [TestMethod]
    [TestCategory("Kernel")]
    public void AMapPin_OutlivesItsObject_AndAnotherObjectTakesThePinnedMapOver()
    {
        using PinFiles pins = new();
        string path = pins.Path("map");
        using (BpfObject first = LoadedFixture())
        {
            first.Map("GETPPID_CALLS").Update(ThisProcess, 42ul);
            first.Map("GETPPID_CALLS").Pin(path);
        }

        Assert.IsTrue(File.Exists(path), $"{path} after the object's Dispose");
        StringAssert.Contains(Bpftool("map", "show", "pinned", path), "name GETPPID_CALLS");
        using BpfObject second = BpfObject.Open(ObjectPath);
        BpfMap calls = second.Map("GETPPID_CALLS");
        calls.SetPinPath(path);
        second.Load();
        Assert.IsTrue(calls.TryLookup(ThisProcess, out ulong kept), "the pinned map's entry");
        Assert.AreEqual(42ul, kept, "the second object uses the map the first one pinned");
        calls.Unpin(path);
        Assert.IsFalse(File.Exists(path), $"{path} after Unpin");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AProgramPin_OutlivesItsObject_AndUnpinRemovesIt()
    {
        using PinFiles pins = new();
        (string unpinned, string kept) = (pins.Path("unpinned"), pins.Path("kept"));
        using (BpfObject bpf = LoadedFixture())
        {
            BpfProgram program = bpf.Program("count_getppid");
            program.Pin(unpinned);
            Assert.IsTrue(File.Exists(unpinned));
            program.Unpin(unpinned);
            Assert.IsFalse(File.Exists(unpinned), $"{unpinned} after Unpin");
            program.Pin(kept);
        }

        Assert.IsTrue(File.Exists(kept), $"{kept} after the object's Dispose");
        StringAssert.Contains(Bpftool("prog", "show", "pinned", kept), "name count_getppid", "the pinned program is still loaded");
    }

    /// <summary>A pinned link stays attached with its object gone: the program keeps counting into its (pinned) map.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void ALinkPin_KeepsTheProgramAttached_AfterItsObjectIsDisposed()
    {
        using PinFiles pins = new();
        (string linkPath, string mapPath, string unpinned) = (pins.Path("link"), pins.Path("map"), pins.Path("unpinned"));
        TraceFileSystem.EnsureMounted();
        using (BpfObject bpf = LoadedFixture())
        {
            bpf.Map("GETPPID_CALLS").Pin(mapPath);
            using BpfLink link = bpf.Program("count_getppid").Attach();
            link.Pin(unpinned);
            link.Unpin();
            Assert.IsFalse(File.Exists(unpinned), $"{unpinned} after Unpin");
            link.Pin(linkPath);
        }
        CallGetppid(3);
        // Removing the last pin detaches the program (the kernel frees the link a little later).
        File.Delete(linkPath);

        using BpfObject reader = BpfObject.Open(ObjectPath);
        reader.Map("GETPPID_CALLS").SetPinPath(mapPath);
        reader.Load();
        Assert.AreEqual(3ul, CountOfThisProcess(reader, "GETPPID_CALLS"), "calls while only the link's pin held the program attached");
    }

    private static string Bpftool(params string[] arguments)
    {
        ProcessResult shown = ChildProcess.Run(RequiredTool.BpftoolPath(), arguments, TimeSpan.FromMinutes(1));
        Assert.IsTrue(shown.Succeeded, shown.Output);
        return shown.StandardOutput;
    }

    /// <summary>Unique pin paths under /sys/fs/bpf (mounted if it is not), removed when the test ends, however it ends.</summary>
    private sealed class PinFiles : IDisposable
    {
        private static readonly FileSystemMount BpfFileSystem = new("bpf", "/sys/fs/bpf");
        private readonly string _prefix = $"/sys/fs/bpf/aya-runtime-test-{Guid.NewGuid():N}";
        private readonly List<string> _paths = [];

        public PinFiles() => BpfFileSystem.EnsureMounted();

        public string Path(string name)
        {
            string path = $"{_prefix}-{name}";
            _paths.Add(path);
            return path;
        }

        public void Dispose()
        {
            foreach (string path in _paths)
                File.Delete(path);
        }
    }
}
