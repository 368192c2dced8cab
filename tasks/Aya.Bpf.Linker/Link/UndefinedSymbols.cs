using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// After linking and optimisation, a symbol still only declared has no definition anywhere: the
/// loader would refuse the object. Kernel symbols (.ksyms) and Kconfig values are the exception.
/// </summary>
internal static class UndefinedSymbols
{
    public static bool Check(LlvmModule module, DiagnosticLog log)
    {
        var ok = true;
        foreach (var global in module.Globals)
        {
            if (!global.IsDeclaration || !global.IsUsed)
                continue;
            var name = global.Name;
            if (ExportPolicy.IsLlvmReserved(name) || global.Section is ".ksyms" or ".kconfig")
                continue;
            var what = global.Kind == GlobalKind.Function ? "function" : "variable";
            log.Error(DiagnosticCodes.UndefinedSymbol,
                $"{what} '{name}' is used but defined by no input. Add the crate or bitcode that defines it " +
                "(for C, a BpfBitcode item), or declare kernel symbols in the .ksyms section.");
            ok = false;
        }
        return ok;
    }
}
