using System.Reflection;
using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// Binds <see cref="LlvmApi"/> to one libLLVM file for the life of the process. The linker runs
/// one project per process, so one binding and one set of LLVM options is all it ever needs.
/// </summary>
internal static class LlvmLibrary
{
    private static nint s_handle;

    public static Version? LoadedVersion { get; private set; }

    /// <summary>Loads the library and the BPF target; returns an error text, or null on success.</summary>
    public static string? TryLoad(string path)
    {
        if (s_handle != 0)
            throw new InvalidOperationException("libLLVM is already loaded in this process.");
        if (!NativeLibrary.TryLoad(path, out var handle))
            return $"could not load '{path}' as a shared library";
        if (!NativeLibrary.TryGetExport(handle, "LLVMInitializeBPFTarget", out _)
            || !NativeLibrary.TryGetExport(handle, "LLVMInitializeBPFAsmParser", out _))
        {
            NativeLibrary.Free(handle);
            return $"'{path}' has no BPF target (LLVMInitializeBPFTarget/LLVMInitializeBPFAsmParser are missing)";
        }

        s_handle = handle;
        NativeLibrary.SetDllImportResolver(Assembly.GetExecutingAssembly(), Resolve);

        LlvmApi.LLVMGetVersion(out var major, out var minor, out var patch);
        LoadedVersion = new Version((int)major, (int)minor, (int)patch);

        FatalErrorReporter.Install();

        // The asm parser is required too: without it, inline asm makes LLVM abort during codegen.
        LlvmApi.LLVMInitializeBPFTargetInfo();
        LlvmApi.LLVMInitializeBPFTarget();
        LlvmApi.LLVMInitializeBPFTargetMC();
        LlvmApi.LLVMInitializeBPFAsmPrinter();
        LlvmApi.LLVMInitializeBPFAsmParser();
        return null;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LlvmApi.Library ? s_handle : 0;
}
