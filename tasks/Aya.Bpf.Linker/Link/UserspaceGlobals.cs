using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// The globals userspace sees by name (<see cref="ExportPolicy.IsUserspaceVisible"/>). A loader may
/// give a constant one another value before load (a <c>.rodata</c> setting, aya's "set global"), so
/// optimisation must not fold its initial value into the code: it is marked externally initialized
/// and stays a load from its section. Mutable ones stay loads and stores by being visible.
/// </summary>
internal static class UserspaceGlobals
{
    /// <summary>Marks the constant ones; returns the names of all of them.</summary>
    public static IReadOnlyList<string> KeepLoaderValues(LlvmModule module)
    {
        List<string> names = [];
        foreach (var global in module.Variables.Where(v => !v.IsDeclaration && ExportPolicy.IsUserspaceVisible(v.Name, v.Section, v.Linkage)))
        {
            if (global.IsConstant)
                global.SetExternallyInitialized();
            names.Add(global.Name);
        }
        return names;
    }

    /// <summary>
    /// After optimisation: says which constant ones no code reads, so a loader's value would reach
    /// nothing. An optimising rustc folds a plain read of a static's initial value before the link
    /// sees it (as a C compiler folds a non-volatile const), hence the advice.
    /// </summary>
    public static void ReportUnread(LlvmModule module, DiagnosticLog log)
    {
        var unread = module.Variables
            .Where(v => !v.IsDeclaration && v.IsConstant && !v.IsUsed && ExportPolicy.IsUserspaceVisible(v.Name, v.Section, v.Linkage))
            .Select(v => v.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unread.Count > 0)
            log.Info($"Constant globals no code reads: {string.Join(", ", unread)}. A value a loader sets will not reach the program; " +
                "if the program reads them, read them with core::ptr::read_volatile (an optimised build folds a plain read into the code).");
    }
}
