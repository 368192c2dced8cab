using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>Opening an object from bytes in memory.</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    public static partial nint ObjectOpenMemory(void* buffer, nuint size, OpenOptions* options);

    /// <summary>
    /// The start of libbpf's <c>struct bpf_object_open_opts</c>, up to <c>object_name</c>: libbpf
    /// takes a shorter struct than its own (the size says how much there is) as zeros beyond it.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OpenOptions
    {
        public nuint Size;
        public byte* ObjectName;
    }
}
