using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>What one test run (BPF_PROG_TEST_RUN) of a program gave back.</summary>
/// <param name="ReturnValue">The program's return value: an XDP verdict, a TC action, a socket filter's length.</param>
/// <param name="Duration">The kernel's average time per repetition.</param>
/// <param name="Data">The packet as the program left it.</param>
public sealed record BpfTestRunResult(uint ReturnValue, TimeSpan Duration, byte[] Data);

/// <summary>A program of a <see cref="BpfObject"/>.</summary>
public sealed unsafe partial class BpfProgram
{
    // Room for a packet the program grows (XDP may push headers in front of the data).
    private const int DataOutHeadroom = 256;
    private readonly BpfObject _owner;
    private readonly nint _program;

    internal BpfProgram(BpfObject owner, nint program, string name)
    {
        _owner = owner;
        _program = program;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The kernel's id of the loaded program, as <c>bpftool prog</c> lists it.</summary>
    public uint Id
    {
        get
        {
            _owner.EnsureLoaded($"the id of program '{Name}'");
            var id = Libbpf.KernelId(Libbpf.ProgramFd(_program));
            return id >= 0 ? (uint)id : throw new BpfException($"the kernel gives no id for program '{Name}': {Errno.Describe((int)-id)}", (int)-id, "");
        }
    }

    /// <summary>
    /// Runs the loaded program in the kernel on <paramref name="packet"/> (XDP, TC and socket
    /// filter programs), <paramref name="repeat"/> times, as users unit-test programs.
    /// </summary>
    public BpfTestRunResult TestRun(ReadOnlySpan<byte> packet, int repeat = 1)
    {
        _owner.EnsureLoaded($"a test run of program '{Name}'");
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var output = new byte[packet.Length + DataOutHeadroom];
        fixed (byte* input = packet)
        fixed (byte* data = output)
        {
            var options = new Libbpf.TestRunOptions
            {
                Size = (nuint)sizeof(Libbpf.TestRunOptions),
                DataIn = input,
                DataSizeIn = (uint)packet.Length,
                DataOut = data,
                DataSizeOut = (uint)output.Length,
                Repeat = repeat,
            };
            var result = Libbpf.ProgramTestRun(Libbpf.ProgramFd(_program), &options);
            if (result < 0)
                throw new BpfException($"the kernel cannot test-run program '{Name}': {Errno.Describe(-result)}", -result, "");
            return new BpfTestRunResult(options.ReturnValue, TimeSpan.FromTicks(options.Duration / 100), output[..(int)options.DataSizeOut]);
        }
    }
}
