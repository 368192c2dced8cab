namespace Aya.Bpf.Tests.Integration;

/// <summary>The sysroot of the Rust toolchain rustup picks for a folder, as the SDK asks for it.</summary>
internal static class RustSysroot
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(1);

    /// <summary>`rustc --print sysroot` run in <paramref name="directory"/> (rust-toolchain.toml applies).</summary>
    public static string Of(string directory)
    {
        // rustup installs rustc beside cargo.
        string rustc = Path.Combine(Path.GetDirectoryName(RequiredTool.CargoPath())!, "rustc");
        ProcessResult result = ChildProcess.Run(rustc, ["--print", "sysroot"], QueryTimeout, directory);
        Assert.IsTrue(result.Succeeded, $"{rustc} --print sysroot failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        return result.StandardOutput.Trim();
    }

    /// <summary>True when the toolchain has the rust-src component, which building core from source needs.</summary>
    public static bool HasRustSrc(string sysroot) =>
        Directory.Exists(Path.Combine(sysroot, "lib", "rustlib", "src", "rust", "library", "core"));
}
