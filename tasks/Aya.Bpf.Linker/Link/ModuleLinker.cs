using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>Parses every piece of bitcode and links them, in input order, into one module.</summary>
internal static class ModuleLinker
{
    public static LlvmModule? Link(LlvmContext context, IReadOnlyList<BitcodeBlob> blobs, TargetMachine machine, DiagnosticLog log)
    {
        var linked = LlvmModule.CreateEmpty(context, "bpf-program");
        linked.SetTarget(machine);
        var failed = false;
        foreach (var blob in blobs)
        {
            using var module = Parse(context, blob, log);
            if (module is null)
            {
                failed = true;
                continue;
            }
            // rustc says bpfel, clang says bpf, text IR may say nothing: all are this target, and
            // agreeing first keeps LLVM from warning about mismatched triples and layouts. A host
            // build's Rust is retargeted here; any other target's bitcode (x86 C from a clang
            // without -target bpf) would compile to BPF wrongly (its layout, calls and intrinsics
            // are the other target's), so it is refused, in every build.
            if (!blob.CompiledForHost && !IsBpfOrUnset(module.Triple))
            {
                log.Error(DiagnosticCodes.BitcodeForOtherTarget,
                    $"{blob.Origin} is LLVM bitcode for {module.Triple}, not for BPF. Compile it for BPF " +
                    "(clang -target bpf -g -O2 -emit-llvm -c), or leave it out of BpfBitcode.", blob.Origin);
                failed = true;
                continue;
            }
            module.SetTarget(machine);
            var linkFailed = !linked.TryLink(module);
            linkFailed |= LlvmDiagnosticReporter.Report(context, log, DiagnosticCodes.LinkFailed, $"linking {blob.Origin}");
            if (linkFailed && !log.HasErrors)
                log.Error(DiagnosticCodes.LinkFailed, $"linking {blob.Origin} failed");
            failed |= linkFailed;
        }
        if (failed)
        {
            linked.Dispose();
            return null;
        }
        return linked;
    }

    private static bool IsBpfOrUnset(string triple) =>
        triple.Length == 0 || triple.StartsWith("bpf", StringComparison.Ordinal);

    private static LlvmModule? Parse(LlvmContext context, BitcodeBlob blob, DiagnosticLog log)
    {
        var producer = blob.IsTextIr ? null : BitcodeProducer.TryRead(blob.Content.Span);
        var age = CompareWithReader(producer);
        // A newer major or minor release may change the format in ways a reader misreads silently.
        if (age == ProducerAge.NewerRelease)
        {
            ReportNewer(log, blob, producer!, "its format is not guaranteed to be readable by an older LLVM");
            return null;
        }

        var module = LlvmModule.TryParse(context, blob.Content.Span, blob.IsTextIr, blob.Origin, out var error);
        var llvmMessages = string.Join("; ", context.TakeDiagnostics().Select(d => d.Text));
        if (module is not null)
            return module;

        var reason = llvmMessages.Length > 0 ? llvmMessages : error ?? "unknown reason";
        if (age == ProducerAge.NewerPatch)
        {
            ReportNewer(log, blob, producer!, reason);
            return null;
        }
        log.Error(DiagnosticCodes.InputCorrupt,
            $"{blob.Origin} is not valid LLVM {(blob.IsTextIr ? "IR" : "bitcode")}: {reason}. " +
            "Rebuild it (for cargo outputs, a clean build), and check it was produced by an LLVM no newer than the toolchain's.",
            blob.Origin);
        return null;
    }

    private enum ProducerAge
    {
        NotNewer,
        NewerPatch,
        NewerRelease,
    }

    private static ProducerAge CompareWithReader(string? producer)
    {
        var produced = producer is null ? null : BitcodeProducer.TryParseLlvmVersion(producer);
        if (produced is null || LlvmLibrary.LoadedVersion is not { } reader || produced <= reader)
            return ProducerAge.NotNewer;
        return new Version(produced.Major, produced.Minor) > new Version(reader.Major, reader.Minor)
            ? ProducerAge.NewerRelease
            : ProducerAge.NewerPatch;
    }

    private static void ReportNewer(DiagnosticLog log, BitcodeBlob blob, string producer, string reason) =>
        log.Error(DiagnosticCodes.BitcodeFromNewerLlvm,
            $"{blob.Origin} was written by {producer}, newer than the LLVM {LlvmLibrary.LoadedVersion} this build links with ({reason}). " +
            "Build every input with the same Rust toolchain (set RustToolchain), or point BpfLlvmPath at an LLVM at least as new.",
            blob.Origin);
}
