namespace Aya.Bpf.Tasks.Cargo;

/// <summary>aya's names for kernel architectures (its <c>bpf_target_arch</c> values), from a target triple.</summary>
internal static class KernelArchitectures
{
    /// <returns>e.g. x86_64 for x86_64-unknown-linux-gnu, riscv64 for riscv64gc-..., arm for armv7-...; empty for an empty triple.</returns>
    public static string OfTriple(string triple)
    {
        var arch = triple.Split('-')[0];
        return arch switch
        {
            _ when arch.StartsWith("riscv64", StringComparison.Ordinal) => "riscv64",
            _ when arch.StartsWith("powerpc64", StringComparison.Ordinal) => "powerpc64",
            _ when arch.StartsWith("mips64", StringComparison.Ordinal) => "mips64",
            _ when arch.StartsWith("mips", StringComparison.Ordinal) => "mips",
            _ when arch.StartsWith("arm", StringComparison.Ordinal) || arch.StartsWith("thumb", StringComparison.Ordinal) => "arm",
            _ => arch,
        };
    }
}
