using System.Runtime.InteropServices;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>
/// An object opened with libbpf, as a libbpf-based loader uses it: set global data before load,
/// load, pin or attach programs, read maps. Disposing closes it, which detaches nothing the test
/// still holds a link for and unloads the rest.
/// </summary>
internal sealed unsafe class LibbpfObject : IDisposable
{
    private readonly BpfObjectHandle _handle;

    private LibbpfObject(BpfObjectHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>What libbpf printed while opening and loading (on failure, the verifier's log).</summary>
    public string Log => LibbpfLog.Collected;

    /// <summary>Opens <paramref name="path"/>; fails the test when libbpf cannot parse it.</summary>
    public static LibbpfObject Open(string path)
    {
        LibbpfLog.Begin();
        var handle = new BpfObjectHandle();
        Marshal.InitHandle(handle, LibbpfApi.OpenFile(path, 0));
        if (handle.IsInvalid)
            Assert.Fail($"libbpf could not open {path} (errno {Marshal.GetLastPInvokeError()}): {LibbpfLog.Collected}");
        return new LibbpfObject(handle, path);
    }

    /// <summary>
    /// Before load: the contents a global data map (<c>.rodata</c>, <c>.data</c>) starts with, which
    /// the test may change as a loader sets globals.
    /// </summary>
    public Span<byte> InitialValue(string mapName)
    {
        byte* data = LibbpfApi.MapInitialValue(Map(mapName), out nuint size);
        Assert.IsFalse(data == null, $"{mapName} of {Path} has no initial value");
        return new Span<byte>(data, checked((int)size));
    }

    /// <summary>Loads every program and creates every map; 0, or libbpf's negative errno (see <see cref="Log"/>).</summary>
    public int Load() => LibbpfApi.Load(_handle);

    /// <summary>Runs the loaded program once on <paramref name="packet"/> (BPF_PROG_TEST_RUN, for XDP and TC); returns what it returned.</summary>
    public long Run(string program, byte[] packet)
    {
        fixed (byte* data = packet)
        {
            var options = new LibbpfApi.TestRunOptions
            {
                Size = (nuint)sizeof(LibbpfApi.TestRunOptions),
                DataIn = data,
                DataSizeIn = (uint)packet.Length,
                Repeat = 1,
            };
            int result = LibbpfApi.TestRun(LibbpfApi.ProgramFd(Program(program)), ref options);
            Assert.AreEqual(0, result, $"BPF_PROG_TEST_RUN of {program}");
            return options.ReturnValue;
        }
    }

    /// <summary>Attaches the program as its section says (a tracepoint's category and name); dispose the link to detach.</summary>
    public BpfLinkHandle Attach(string program)
    {
        var link = new BpfLinkHandle();
        Marshal.InitHandle(link, LibbpfApi.Attach(Program(program)));
        if (link.IsInvalid)
            Assert.Fail($"libbpf could not attach {program} (errno {Marshal.GetLastPInvokeError()}): {LibbpfLog.Collected}");
        return link;
    }

    public int MapFd(string mapName) => LibbpfApi.MapFd(Map(mapName));

    /// <summary>The value under <paramref name="key"/> of a loaded map (all CPUs' values, one after another, for a per-CPU map); null when there is none.</summary>
    public byte[]? Lookup(string mapName, ReadOnlySpan<byte> key)
    {
        nint map = Map(mapName);
        Assert.AreEqual((uint)key.Length, LibbpfApi.MapKeySize(map), $"key size of {mapName}");
        var value = new byte[LibbpfApi.MapValueSize(map)];
        fixed (byte* keyBytes = key)
        fixed (byte* valueBytes = value)
            return LibbpfApi.MapLookup(map, keyBytes, (nuint)key.Length, valueBytes, (nuint)value.Length, 0) == 0 ? value : null;
    }

    public void Dispose() => _handle.Dispose();

    // A map by its name or, for global data, its section (".rodata"), as libbpf finds them.
    private nint Map(string name)
    {
        nint map = LibbpfApi.FindMap(_handle, name);
        Assert.AreNotEqual(0, map, $"{Path} has no map {name}");
        return map;
    }

    private nint Program(string name)
    {
        nint program = LibbpfApi.FindProgram(_handle, name);
        Assert.AreNotEqual(0, program, $"{Path} has no program {name}");
        return program;
    }
}
