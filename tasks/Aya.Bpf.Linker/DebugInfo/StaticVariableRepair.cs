using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Internal statics as BTF VARs. LLVM names a VAR after the symbol, which for a Rust static is mangled
/// (<c>_RNv..._8type_zoo7COUNTER</c>) and may carry a <c>.0</c> suffix; internal symbols are free to rename,
/// so they take their Rust name. Only Rust's are renamed, known by the linkage name rustc records: a C
/// static already has the name clang gives it (<c>func.counter</c> for one inside a function), and taking
/// its bare source name would clash with other symbols (a local <c>license</c> with the license section).
/// The optimiser may also split a static into pieces, each keeping the debug info of the whole variable
/// with a fragment expression, or shrink one that only ever holds two values to a bool, whose debug info
/// then decodes the byte with an expression. LLVM's BTF emitter ignores expressions and describes the
/// storage with the source type, a DATASEC entry smaller than its VAR that the kernel refuses ("Invalid
/// size"). No type would describe such storage truly (a shrunk bool selects between two values, it is not
/// one), so those statics lose their debug info: a static variable needs no BTF VAR.
/// </summary>
internal static class StaticVariableRepair
{
    public static void Apply(LlvmContext context, LlvmModule module, DebugInfoRepairResult result)
    {
        var dbg = context.MetadataKindId("dbg");
        foreach (var variable in module.Variables.ToList())
        {
            var descriptions = variable.Attachments(context)
                .Where(a => a.Kind == dbg && a.Node.Kind == MetadataKind.GlobalVariableExpression)
                .Select(a => a.Node)
                .ToList();
            if (descriptions.Count == 0 || variable.Linkage is not (Linkage.Internal or Linkage.Private))
                continue;

            if (descriptions.Exists(IsTransformed))
            {
                variable.EraseAttachments(dbg);
                result.StaticsUndescribed++;
                continue;
            }

            var described = descriptions[0].GlobalVariable;
            var sourceName = described.StringOperand(DebugInfoLayout.VariableNameOperand);
            if (string.IsNullOrEmpty(sourceName) || string.IsNullOrEmpty(described.StringOperand(DebugInfoLayout.GlobalVariableLinkageNameOperand)))
                continue;
            var btfName = BtfNameSanitizer.Sanitize(sourceName);
            if (variable.Name == btfName)
                continue;
            variable.Rename(btfName);
            result.StaticsRenamed++;
        }
    }

    // An empty expression says the storage is the variable as its type describes it; any other (a fragment,
    // a shrunk bool's decoding) says it is not.
    private static bool IsTransformed(LlvmMetadata description) =>
        description.GlobalVariableExpression is { IsNull: false } expression
        && expression.Print() is var text
        && !text.Contains("!DIExpression()", StringComparison.Ordinal);
}
