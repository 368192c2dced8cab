using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Support;

/// <summary>Binds the linker's LLVM bindings, once per test process, to the default Rust toolchain's libLLVM.</summary>
internal static class ToolchainLlvm
{
    private static readonly Lazy<string> s_load = new(Load);

    /// <summary>The libLLVM path, after loading it; skips (outside CI) or fails (in CI) without a Rust toolchain.</summary>
    public static string EnsureLoaded() => s_load.Value;

    /// <summary>A bpfel target machine (CPU v3) of the loaded LLVM, as the linker makes one by default.</summary>
    public static TargetMachine BpfMachine()
    {
        EnsureLoaded();
        return TargetMachine.TryCreate("bpfel", "v3", "", CodeGenOptLevel.Default, out var error)
            ?? throw new InvalidOperationException(error);
    }

    private static string Load()
    {
        var lib = Path.Combine(Rustc.Require().Sysroot(), "lib");
        var path = Directory.Exists(lib) ? Directory.GetFiles(lib, "libLLVM.so.*").FirstOrDefault() : null;
        Assert.IsNotNull(path, $"the Rust toolchain has no libLLVM.so.* in {lib}");
        var error = LlvmLibrary.TryLoad(path);
        return error is null ? path : throw new InvalidOperationException(error.Message);
    }
}
