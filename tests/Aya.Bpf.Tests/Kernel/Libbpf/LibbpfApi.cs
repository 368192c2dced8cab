using System.Runtime.InteropServices;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>
/// The few libbpf functions the kernel tests load, configure, attach and read objects with, from the
/// system's libbpf 1.x (Debian's libbpf1): what a libbpf-based loader does with the SDK's objects.
/// libbpf 1.x returns NULL (pointers, errno set) or a negative errno (ints) on failure.
/// </summary>
internal static unsafe partial class LibbpfApi
{
    public const string Library = "libbpf.so.1";

    [LibraryImport(Library, EntryPoint = "bpf_object__open_file", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint OpenFile(string path, nint options);

    [LibraryImport(Library, EntryPoint = "bpf_object__load")]
    public static partial int Load(BpfObjectHandle bpfObject);

    [LibraryImport(Library, EntryPoint = "bpf_object__close")]
    public static partial void Close(nint bpfObject);

    [LibraryImport(Library, EntryPoint = "bpf_object__find_map_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint FindMap(BpfObjectHandle bpfObject, string name);

    [LibraryImport(Library, EntryPoint = "bpf_object__find_program_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint FindProgram(BpfObjectHandle bpfObject, string name);

    [LibraryImport(Library, EntryPoint = "bpf_map__initial_value")]
    public static partial byte* MapInitialValue(nint map, out nuint size);

    [LibraryImport(Library, EntryPoint = "bpf_map__fd")]
    public static partial int MapFd(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__lookup_elem")]
    public static partial int MapLookup(nint map, void* key, nuint keySize, void* value, nuint valueSize, ulong flags);

    [LibraryImport(Library, EntryPoint = "bpf_map__value_size")]
    public static partial uint MapValueSize(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__key_size")]
    public static partial uint MapKeySize(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_program__fd")]
    public static partial int ProgramFd(nint program);

    /// <summary>struct bpf_test_run_opts of libbpf 1.x, as far as BPF_PROG_TEST_RUN of a packet needs it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TestRunOptions
    {
        public nuint Size;
        public byte* DataIn;
        public byte* DataOut;
        public uint DataSizeIn;
        public uint DataSizeOut;
        public nint ContextIn;
        public nint ContextOut;
        public uint ContextSizeIn;
        public uint ContextSizeOut;
        public uint ReturnValue;
        public int Repeat;
        public uint Duration;
        public uint Flags;
        public uint Cpu;
        public uint BatchSize;
    }

    [LibraryImport(Library, EntryPoint = "bpf_prog_test_run_opts")]
    public static partial int TestRun(int programFd, ref TestRunOptions options);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach", SetLastError = true)]
    public static partial nint Attach(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_link__destroy")]
    public static partial int DestroyLink(nint link);

    [LibraryImport(Library, EntryPoint = "ring_buffer__new", SetLastError = true)]
    public static partial nint RingBufferNew(int mapFd, delegate* unmanaged<nint, byte*, nuint, int> sample, nint context, nint options);

    [LibraryImport(Library, EntryPoint = "ring_buffer__consume")]
    public static partial int RingBufferConsume(RingBufferHandle ringBuffer);

    [LibraryImport(Library, EntryPoint = "ring_buffer__free")]
    public static partial void RingBufferFree(nint ringBuffer);

    [LibraryImport(Library, EntryPoint = "libbpf_set_print")]
    public static partial nint SetPrint(delegate* unmanaged<int, byte*, nint, int> print);

    // libbpf's messages come as a format and a va_list, which on x86-64 is a pointer: libc formats them.
    [LibraryImport("libc", EntryPoint = "vsnprintf")]
    public static partial int FormatArguments(byte* buffer, nuint size, byte* format, nint arguments);
}
