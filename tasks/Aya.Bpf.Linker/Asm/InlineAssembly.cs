using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Asm;

/// <summary>
/// The inline assembly the program reaches, after optimisation: it must be BPF assembly. In a
/// host build, assembly compiled from the crates' <c>target_arch = "bpf"</c> code is BPF assembly in
/// the host's dress (<see cref="HostCompiledAsm"/>), which is taken off; assembly in the toolchain's
/// own library (core, compiled for the host) is host assembly. Every remaining asm is tried on
/// LLVM's BPF assembler alone, and a refusal is reported at its Rust function.
/// </summary>
internal static class InlineAssembly
{
    public static bool Check(LlvmContext context, LlvmModule module, TargetMachine machine, bool fromHost, DiagnosticLog log)
    {
        var errorsBefore = log.ErrorCount;
        Dictionary<nint, IReadOnlyList<string>?> trials = [];
        HashSet<(nint Function, nint Asm)> reported = [];
        var rewritten = 0;
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            foreach (var call in function.Instructions(context).Where(i => i.IsCall))
            {
                if (call.CalledAsm is not { } asm || !reported.Add((function.Handle, asm.Handle)))
                    continue;
                var text = asm.Text;
                if (fromHost)
                {
                    if (!HostCompiledAsm.IsEmpty(text) && IsToolchainSource(call.InnermostSourceFile))
                    {
                        Report(context, log, function, DiagnosticCodes.HostInlineAsm,
                            $"reaches host assembly in the toolchain's library ({call.InnermostSourceFile}): `{OneLine(text.Template)}`. A host build " +
                            "(BpfRustBuild=host) compiles core for the host CPU, and its assembly cannot run in BPF: keep the code that uses it " +
                            "(core::arch, spin-loop hints) out of the program, or build for BPF (BpfRustBuild=bpf, needs rust-src).");
                        continue;
                    }
                    if (HostCompiledAsm.ForBpf(text, out var hostOnly) is not { } bpf)
                    {
                        Report(context, log, function, DiagnosticCodes.HostInlineAsm,
                            $"contains inline assembly for the host CPU (it uses {hostOnly}): `{OneLine(text.Template)}`. A host build compiles every " +
                            "crate with both the host's cfgs and target_arch = \"bpf\"; keep host assembly behind cfg(not(target_arch = \"bpf\")).");
                        continue;
                    }
                    if (bpf != text)
                    {
                        asm = asm.WithText(bpf);
                        call.SetCallee(asm);
                        rewritten++;
                    }
                }
                if (HostCompiledAsm.IsEmpty(asm.Text))
                    continue;
                if (!trials.TryGetValue(asm.Handle, out var errors))
                    trials[asm.Handle] = errors = AsmTrial.Errors(context, machine, asm);
                if (errors is { Count: > 0 })
                    Report(context, log, function, DiagnosticCodes.AsmRefused,
                        $"contains inline assembly that LLVM's BPF assembler refuses: {string.Join(" ", errors.Distinct())} (the assembly: `{OneLine(asm.Text.Template)}`)." +
                        (fromHost ? " A host build assembles the crates' asm! for BPF; keep host assembly behind cfg(not(target_arch = \"bpf\"))." : ""));
            }
        }
        if (rewritten > 0)
            log.Info($"Inline assembly: {rewritten} BPF asm! compiled by the host build put in BPF's form (AT&T dialect, no host operand modifiers or clobbers).");
        return log.ErrorCount == errorsBefore;
    }

    /// <summary>The toolchain's library sources: remapped to /rustc/&lt;commit&gt;/library/ in its debug info, or rust-src's copy.</summary>
    internal static bool IsToolchainSource(string? file) =>
        file is not null
        && ((file.StartsWith("/rustc/", StringComparison.Ordinal) && file.Contains("/library/", StringComparison.Ordinal))
            || file.Replace('\\', '/').Contains("/lib/rustlib/src/rust/library/", StringComparison.Ordinal));

    private static string OneLine(string template) => string.Join(" | ", template.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    // Reported at the function's own line, as RetargetCheck does: a call's line may lie inside core.
    private static void Report(LlvmContext context, DiagnosticLog log, LlvmGlobal function, string code, string message)
    {
        var subprogram = function.Subprogram(context);
        var file = subprogram.IsNull ? null : subprogram.SourceFile;
        log.Report(new Diagnostic(Severity.Error, code, $"function {FunctionNames.Display(context, function)} {message}", file, file is null ? 0 : (int)subprogram.Line));
    }
}
