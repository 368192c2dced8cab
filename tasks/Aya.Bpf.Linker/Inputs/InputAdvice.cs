namespace Aya.Bpf.Linker.Inputs;

/// <summary>What to tell the user to do about a bad input; one wording for every place that reports it.</summary>
internal static class InputAdvice
{
    public const string Rebuild =
        "Rebuild it; if it came from cargo, run a clean build (cargo clean, then build again).";

    public const string ProvideBitcode =
        "The BPF linker links LLVM bitcode only: Rust code must be built for a bpf target (its objects are bitcode), " +
        "C must be compiled with clang -emit-llvm -c (or -fembed-bitcode, which keeps the bitcode in a .llvmbc section).";

    public const string CheckPath =
        "Check the path; if the file is a build output, build the project that produces it first.";
}
