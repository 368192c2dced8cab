using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// LLVM's command-line options are process state. They are set once, at start, in a linker process
/// that serves one project, so no project ever sees another's options.
/// </summary>
internal static class LlvmOptions
{
    public static readonly IReadOnlyList<string> Defaults =
    [
        // Otherwise #[inline(always)] is ignored at cold call sites, and large values reach the BPF ABI.
        "-cold-callsite-rel-freq=0",
        // No -bpf-expand-memcpy-in-order (bpf-linker's default): it leaves every memset and memmove,
        // even of a known small length, to a call the backend refuses. Without it copies and fills
        // of known length become loads and stores, as clang compiles them; MemoryBuiltins gives the
        // rest (unknown lengths) BPF definitions.
        // LLVM 21+ otherwise turns `unreachable` into calls to a __bpf_trap kfunc old kernels lack.
        "-bpf-disable-trap-unreachable",
        // Cold functions (core's panic paths) would go to .text.unlikely., which libbpf takes for a
        // program section and refuses ("program ... is static and not supported").
        "-profile-guided-section-prefix=false",
    ];

    private static bool s_applied;

    public static unsafe void ApplyOnce(IReadOnlyList<string> options)
    {
        if (s_applied)
            throw new InvalidOperationException("LLVM options are set once per process.");
        s_applied = true;
        var argv = new nint[options.Count + 1];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8("aya-bpf-linker");
            for (var i = 0; i < options.Count; i++)
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(options[i]);
            fixed (nint* args = argv)
                LlvmApi.LLVMParseCommandLineOptions(argv.Length, args, 0);
        }
        finally
        {
            foreach (var arg in argv)
                Marshal.FreeCoTaskMem(arg);
        }
    }
}
