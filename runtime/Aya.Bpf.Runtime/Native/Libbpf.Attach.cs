using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>Attaching programs, pinning programs, maps and links under bpffs, and map definitions before load.</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "bpf_program__attach_tracepoint", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ProgramAttachTracepoint(nint program, string category, string name);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_raw_tracepoint", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ProgramAttachRawTracepoint(nint program, string name);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_xdp", SetLastError = true)]
    public static partial nint ProgramAttachXdp(nint program, int ifindex);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_kprobe", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ProgramAttachKprobe(nint program, [MarshalAs(UnmanagedType.U1)] bool retprobe, string function);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_uprobe_opts", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ProgramAttachUprobe(nint program, int pid, string binaryPath, nuint offset, UprobeOptions* options);

    [LibraryImport(Library, EntryPoint = "bpf_link__pin", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LinkPin(BpfLinkHandle link, string path);

    [LibraryImport(Library, EntryPoint = "bpf_link__unpin")]
    public static partial int LinkUnpin(BpfLinkHandle link);

    [LibraryImport(Library, EntryPoint = "bpf_program__pin", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ProgramPin(nint program, string path);

    [LibraryImport(Library, EntryPoint = "bpf_program__unpin", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ProgramUnpin(nint program, string path);

    [LibraryImport(Library, EntryPoint = "bpf_map__pin", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MapPin(nint map, string? path);

    [LibraryImport(Library, EntryPoint = "bpf_map__unpin", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MapUnpin(nint map, string? path);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_pin_path", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MapSetPinPath(nint map, string? path);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_max_entries")]
    public static partial int MapSetMaxEntries(nint map, uint maxEntries);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_value_size")]
    public static partial int MapSetValueSize(nint map, uint valueSize);

    [LibraryImport(Library, EntryPoint = "bpf_tc_hook_create")]
    public static partial int TcHookCreate(TcHook* hook);

    [LibraryImport(Library, EntryPoint = "bpf_tc_hook_destroy")]
    public static partial int TcHookDestroy(TcHook* hook);

    [LibraryImport(Library, EntryPoint = "bpf_tc_attach")]
    public static partial int TcAttach(TcHook* hook, TcOptions* options);

    [LibraryImport(Library, EntryPoint = "bpf_tc_detach")]
    public static partial int TcDetach(TcHook* hook, TcOptions* options);

    [LibraryImport("libc", EntryPoint = "if_nametoindex", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial uint InterfaceIndex(string name);

    /// <summary>libbpf 1.1's <c>struct bpf_uprobe_opts</c> (40 bytes; its last field: <c>func_name</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct UprobeOptions
    {
        public nuint Size;
        public nuint ReferenceCounterOffset;
        public ulong Cookie;
        public byte Retprobe;
        public byte* FunctionName;
    }

    /// <summary>libbpf's <c>struct bpf_tc_hook</c> (24 bytes): where on an interface TC programs run.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TcHook
    {
        public nuint Size;
        public int InterfaceIndex;
        public int AttachPoint;
        public uint Parent;
    }

    /// <summary>libbpf's <c>struct bpf_tc_opts</c> (32 bytes): the filter of a program on a hook.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TcOptions
    {
        public nuint Size;
        public int ProgramFd;
        public uint Flags;
        public uint ProgramId;
        public uint Handle;
        public uint Priority;
    }
}
