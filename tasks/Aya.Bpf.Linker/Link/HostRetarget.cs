using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// A host build (BpfRustBuild=host) compiles every crate for the host with its bitcode kept, and the
/// host's own core ships with its bitcode embedded. This is what the link does differently with
/// such inputs before the common pipeline: it leaves out what only the host can run, retargets
/// every module to BPF (<see cref="ModuleLinker"/>) and clears host attributes (<see cref="TargetAttributes"/>).
/// </summary>
internal static class HostRetarget
{
    // The host's implementations of LLVM's runtime calls (128-bit division, float conversions,
    // chkstk...), partly host assembly: a BPF program cannot call them, and BPF's backend expands
    // what it supports inline.
    private const string CompilerBuiltinsPrefix = "libcompiler_builtins-";

    public static List<string> SelectInputs(IReadOnlyList<string> inputs, DiagnosticLog log)
    {
        List<string> selected = [];
        foreach (var input in inputs)
        {
            if (Path.GetFileName(input).StartsWith(CompilerBuiltinsPrefix, StringComparison.Ordinal))
                log.Info($"Host build: {Path.GetFileName(input)} left out (host runtime routines, no use in BPF).");
            else
                selected.Add(input);
        }
        return selected;
    }

    /// <summary>Host assembly at module level goes, and every function is marked as never unwinding.</summary>
    public static void BeforeOptimise(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        ClearModuleAsm(module, log);
        MarkNoUnwind(context, module);
    }

    /// <summary>Module-level inline assembly is host assembly: it is dropped, with a note of how much there was.</summary>
    private static void ClearModuleAsm(LlvmModule module, DiagnosticLog log)
    {
        var text = module.InlineAsm;
        if (text.Trim().Length == 0)
            return;
        module.ClearInlineAsm();
        log.Info($"Host build: {Encoding.UTF8.GetByteCount(text)} bytes of module-level host assembly dropped.");
    }

    /// <summary>
    /// Nothing unwinds in BPF (the program's crates are built with panic=abort, and a panic never
    /// returns): every function is marked nounwind, so optimisation turns core's invokes into calls
    /// and removes their landing pads.
    /// </summary>
    private static void MarkNoUnwind(LlvmContext context, LlvmModule module)
    {
        var nounwind = LlvmAttributes.EnumKind("nounwind");
        foreach (var function in module.Functions)
            LlvmAttributes.AddEnum(context, function, nounwind);
    }

    /// <summary>
    /// Clears the personality (core's <c>rust_eh_personality</c>, which no input defines) of every
    /// function left without exception handling; one that kept some keeps it, and the undefined
    /// personality is then reported by name.
    /// </summary>
    public static void DropPersonalities(LlvmContext context, LlvmModule module)
    {
        foreach (var function in module.Functions.Where(f => f.HasPersonality && !f.IsDeclaration))
        {
            if (!function.Instructions(context).Any(i => i.IsLandingPad || i.IsInvoke))
                function.ClearPersonality();
        }
    }
}
