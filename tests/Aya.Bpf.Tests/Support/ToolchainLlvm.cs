using System.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Tests.Support;

/// <summary>Binds the linker's LLVM bindings, once per test process, to the default Rust toolchain's libLLVM.</summary>
internal static class ToolchainLlvm
{
    private static readonly Lazy<string?> s_load = new(Load);

    /// <summary>The libLLVM path, after loading it; skips (outside CI) or fails (in CI) when there is none.</summary>
    public static string EnsureLoaded()
    {
        return s_load.Value ?? Integration.RequiredTool.Missing("a Rust toolchain with libLLVM (rustc on PATH)", "install Rust with rustup");
    }

    public static string? FindLibrary()
    {
        try
        {
            using var rustc = Process.Start(new ProcessStartInfo("rustc", "--print sysroot") { RedirectStandardOutput = true })!;
            var sysroot = rustc.StandardOutput.ReadToEnd().Trim();
            rustc.WaitForExit();
            var lib = Path.Combine(sysroot, "lib");
            return Directory.Exists(lib) ? Directory.GetFiles(lib, "libLLVM.so.*").FirstOrDefault() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? Load()
    {
        var path = FindLibrary();
        if (path is null)
            return null;
        var error = LlvmLibrary.TryLoad(path);
        return error is null ? path : throw new InvalidOperationException(error);
    }
}
