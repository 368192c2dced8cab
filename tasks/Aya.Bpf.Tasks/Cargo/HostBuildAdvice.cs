namespace Aya.Bpf.Tasks.Cargo;

/// <summary>
/// Advice for rustc errors that only a host build meets: rustc checks <c>asm!</c> operands against
/// the host CPU, which has no BPF registers (r0 to r10) nor BPF register classes (<c>wreg</c>).
/// </summary>
internal static class HostBuildAdvice
{
    private const string AsmOperands =
        "a host build (BpfRustBuild) checks asm! operands against the host CPU: pass values to BPF assembly through `reg` operands " +
        "(in(reg) x, out(reg) y) and let the assembler choose the registers, or install rust-src and build for BPF (BpfRustBuild=bpf)";

    public static CargoDiagnostic Add(CargoDiagnostic diagnostic) =>
        diagnostic.Severity == DiagnosticSeverity.Error
        && (diagnostic.Message.StartsWith("invalid register", StringComparison.Ordinal) || diagnostic.Message.Contains("register class", StringComparison.Ordinal))
            ? diagnostic with { Message = $"{diagnostic.Message} ({AsmOperands})" }
            : diagnostic;
}
