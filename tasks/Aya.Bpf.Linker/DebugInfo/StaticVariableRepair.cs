using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Internal statics as BTF VARs. LLVM names a VAR after the symbol, which for a Rust static is mangled
/// (<c>_RNv..._8type_zoo7COUNTER</c>) and may carry a <c>.0</c> suffix; internal symbols are free to rename,
/// so they take their Rust name. The optimiser may also split a static into pieces, each keeping the debug
/// info of the whole variable with a fragment expression; LLVM's BTF emitter ignores the fragment and
/// describes the piece with the whole type, a DATASEC entry smaller than its VAR that the kernel refuses
/// ("Invalid size"). Such pieces lose their debug info: a static variable needs no BTF VAR.
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

            if (descriptions.Exists(IsFragment))
            {
                variable.EraseAttachments(dbg);
                result.StaticPiecesUndescribed++;
                continue;
            }

            var sourceName = descriptions[0].GlobalVariable.StringOperand(DebugInfoLayout.VariableNameOperand);
            if (string.IsNullOrEmpty(sourceName))
                continue;
            var btfName = BtfNameSanitizer.Sanitize(sourceName);
            if (variable.Name == btfName)
                continue;
            variable.Rename(btfName);
            result.StaticsRenamed++;
        }
    }

    private static bool IsFragment(LlvmMetadata description) =>
        description.GlobalVariableExpression is { IsNull: false } expression
        && expression.Print().Contains("DW_OP_LLVM_fragment", StringComparison.Ordinal);
}
