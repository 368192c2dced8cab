using Aya.Bpf.Tests.Inputs;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>Compiles one Rust file that includes the SDK's core_access.rs into host bitcode, as cargo's release profile would.</summary>
internal static class RustBitcode
{
    public static readonly string CoreAccess = RepositoryRoot.Combine("sdk", "Sdk", "Rust", "core_access.rs");

    /// <summary>Writes <paramref name="source"/> (after a no_std preamble) to <paramref name="directory"/> and compiles it; returns the bitcode's path.</summary>
    public static string Compile(string directory, string source)
    {
        string file = Path.Combine(directory, "program.rs");
        File.WriteAllText(file, $$"""
            #![no_std]
            #![allow(non_camel_case_types, dead_code)]
            include!("{{CoreAccess}}");
            #[panic_handler] fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
            #[unsafe(no_mangle)] #[unsafe(link_section = "license")] static LICENSE: [u8; 4] = *b"GPL\0";
            {{source}}
            """);
        string output = Path.Combine(directory, "program.bc");
        Rustc.Require().Compile(directory, "--edition", "2024", "--crate-type", "cdylib", "--emit", "llvm-bc", "-C", "opt-level=3", "-C", "panic=abort", "-g", "-o", output, file);
        return output;
    }
}
