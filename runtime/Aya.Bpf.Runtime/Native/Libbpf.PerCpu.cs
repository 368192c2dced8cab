using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>The CPU count per-CPU maps are sized by, and the names of map types for messages.</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library, EntryPoint = "libbpf_num_possible_cpus")]
    public static partial int NumPossibleCpus();

    [LibraryImport(Library, EntryPoint = "libbpf_bpf_map_type_str")]
    public static partial byte* MapTypeString(int mapType);
}
