using System.Runtime.InteropServices;
using System.Text;
using Aya.Bpf.Runtime.Native;
using LibbpfCalls = Aya.Bpf.Runtime.Native.Libbpf;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>
/// An object opened with libbpf, as a libbpf-based loader uses it: set global data before load,
/// load, pin or attach programs, read maps. Disposing closes it, which detaches nothing the test
/// still holds a link for and unloads the rest. It calls the runtime's libbpf bindings directly,
/// as a plain libbpf loader would, so the tests of the SDK's objects do not rest on the runtime's API.
/// </summary>
internal sealed unsafe class LibbpfObject : IDisposable
{
    private readonly BpfObjectHandle _handle;
    private readonly StringBuilder _log = new();

    private LibbpfObject(BpfObjectHandle handle, string path, string log)
    {
        _handle = handle;
        Path = path;
        _log.Append(log);
    }

    public string Path { get; }

    /// <summary>What libbpf printed while opening and loading (on failure, the verifier's log).</summary>
    public string Log => _log.ToString();

    /// <summary>Opens <paramref name="path"/>; fails the test when libbpf cannot parse it.</summary>
    public static LibbpfObject Open(string path)
    {
        var handle = new BpfObjectHandle();
        var (errorCode, log) = LibbpfLog.Capture(() =>
        {
            Marshal.InitHandle(handle, LibbpfCalls.ObjectOpenFile(path, 0));
            return handle.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
        }, withDebug: true);
        if (handle.IsInvalid)
            Assert.Fail($"libbpf could not open {path} (errno {errorCode}): {log}");
        return new LibbpfObject(handle, path, log);
    }

    /// <summary>
    /// Before load: the contents a global data map (<c>.rodata</c>, <c>.data</c>) starts with, which
    /// the test may change as a loader sets globals.
    /// </summary>
    public Span<byte> InitialValue(string mapName)
    {
        byte* data = LibbpfCalls.MapInitialValue(Map(mapName), out nuint size);
        Assert.IsFalse(data == null, $"{mapName} of {Path} has no initial value");
        return new Span<byte>(data, checked((int)size));
    }

    /// <summary>Loads every program and creates every map; 0, or libbpf's negative errno (see <see cref="Log"/>).</summary>
    public int Load() => Logged(() => LibbpfCalls.ObjectLoad(_handle.DangerousGetHandle()));

    /// <summary>Runs the loaded program once on <paramref name="packet"/> (BPF_PROG_TEST_RUN, for XDP and TC); returns what it returned.</summary>
    public long Run(string program, byte[] packet)
    {
        fixed (byte* data = packet)
        {
            var options = new LibbpfCalls.TestRunOptions
            {
                Size = (nuint)sizeof(LibbpfCalls.TestRunOptions),
                DataIn = data,
                DataSizeIn = (uint)packet.Length,
                Repeat = 1,
            };
            int result = LibbpfCalls.ProgramTestRun(LibbpfCalls.ProgramFd(Program(program)), &options);
            Assert.AreEqual(0, result, $"BPF_PROG_TEST_RUN of {program}");
            return options.ReturnValue;
        }
    }

    /// <summary>Attaches the program as its section says (a tracepoint's category and name); dispose the link to detach.</summary>
    public BpfLinkHandle Attach(string program)
    {
        var link = new BpfLinkHandle();
        nint attachable = Program(program);
        int errorCode = Logged(() =>
        {
            Marshal.InitHandle(link, LibbpfCalls.ProgramAttach(attachable));
            return link.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
        });
        if (link.IsInvalid)
            Assert.Fail($"libbpf could not attach {program} (errno {errorCode}): {Log}");
        return link;
    }

    public int MapFd(string mapName) => LibbpfCalls.MapFd(Map(mapName));

    /// <summary>The value under <paramref name="key"/> of a loaded map (all CPUs' values, one after another, for a per-CPU map); null when there is none.</summary>
    public byte[]? Lookup(string mapName, ReadOnlySpan<byte> key)
    {
        nint map = Map(mapName);
        Assert.AreEqual((uint)key.Length, LibbpfCalls.MapKeySize(map), $"key size of {mapName}");
        var value = new byte[LibbpfCalls.MapValueSize(map)];
        fixed (byte* keyBytes = key)
        fixed (byte* valueBytes = value)
            return LibbpfCalls.MapLookup(map, keyBytes, (nuint)key.Length, valueBytes, (nuint)value.Length, 0) == 0 ? value : null;
    }

    public void Dispose() => _handle.Dispose();

    // What libbpf prints during the call joins the object's log.
    private int Logged(Func<int> call)
    {
        var (result, log) = LibbpfLog.Capture(call, withDebug: true);
        _log.Append(log);
        return result;
    }

    // A map by its name or, for global data, its section (".rodata"), as libbpf finds them.
    private nint Map(string name)
    {
        nint map = LibbpfCalls.FindMapByName(_handle.DangerousGetHandle(), name);
        Assert.AreNotEqual(0, map, $"{Path} has no map {name}");
        return map;
    }

    private nint Program(string name)
    {
        nint program = LibbpfCalls.FindProgramByName(_handle.DangerousGetHandle(), name);
        Assert.AreNotEqual(0, program, $"{Path} has no program {name}");
        return program;
    }
}
