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

    /// <summary>Why a library could not be bound: <paramref name="Incompatible"/> when it is an LLVM, but not one the linker can use.</summary>
    internal sealed record LoadFailure(string Message, bool Incompatible = false);

    /// <summary>
    /// Loads the library and the BPF target and sets <see cref="LlvmOptions.Defaults"/>; returns why
    /// it could not, or null on success. The linker process and in-process tests both start LLVM
    /// here, so both compile with the same options.
    /// </summary>
    public static LoadFailure? TryLoad(string path)
    {
        if (s_handle != 0)
            throw new InvalidOperationException("libLLVM is already loaded in this process.");
        if (!NativeLibrary.TryLoad(path, out var handle))
            return new($"could not load '{path}' as a shared library");
        if (!NativeLibrary.TryGetExport(handle, "LLVMInitializeBPFTarget", out _)
            || !NativeLibrary.TryGetExport(handle, "LLVMInitializeBPFAsmParser", out _))
        {
            NativeLibrary.Free(handle);
            return new($"'{path}' has no BPF target (LLVMInitializeBPFTarget/LLVMInitializeBPFAsmParser are missing)");
        }

        if (MissingFunctions(handle) is { Count: > 0 } missing)
        {
            NativeLibrary.Free(handle);
            return new($"'{path}' lacks {missing.Count} LLVM functions the linker calls ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}): " +
                "it is an LLVM of another version than the Rust toolchains the SDK supports", Incompatible: true);
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
        LlvmOptions.ApplyOnce(LlvmOptions.Defaults);
        return null;
    }

    /// <summary>
    /// The functions of <see cref="LlvmApi"/> the library does not export. Checked all at once at load,
    /// so that an LLVM of another version is one clear error, not a crash at the first missing call.
    /// </summary>
    internal static IReadOnlyList<string> MissingFunctions(nint handle) =>
        [.. typeof(LlvmApi).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(method => (method, import: method.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(m => m.import?.LibraryName == LlvmApi.Library)
            .Select(m => m.import!.EntryPoint ?? m.method.Name)
            .Distinct(StringComparer.Ordinal)
            .Where(name => !NativeLibrary.TryGetExport(handle, name, out _))
            .Order(StringComparer.Ordinal)];

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LlvmApi.Library ? s_handle : 0;
}
