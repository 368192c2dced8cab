using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.KernelTypes;

/// <summary>
/// Compiles generated kernel-type bindings with rustc as a <c>#![no_std]</c> library: their
/// compile-time size and offset checks make rustc the judge of whether Rust lays each type out as BTF says.
/// </summary>
internal static class RustBindingsCheck
{
    /// <summary>Compiles <paramref name="bindings"/> (and <paramref name="use"/>, code that uses them); returns rustc's result.</summary>
    public static ProcessResult Compile(string bindings, string use = "")
    {
        string rustc = Path.Combine(Path.GetDirectoryName(RequiredTool.CargoPath())!, "rustc");
        var directory = Directory.CreateTempSubdirectory("aya-kernel-types-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "vmlinux.rs"), bindings);
            File.WriteAllText(Path.Combine(directory.FullName, "lib.rs"), $"#![no_std]\ninclude!(\"vmlinux.rs\");\n{use}\n");
            // Metadata only: const evaluation (the layout checks) runs, code generation does not.
            return ChildProcess.Run(rustc, ["--edition", "2024", "--crate-type", "lib", "--emit", "metadata", "-o", Path.Combine(directory.FullName, "lib.rmeta"), "lib.rs"],
                TimeSpan.FromMinutes(3), directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
