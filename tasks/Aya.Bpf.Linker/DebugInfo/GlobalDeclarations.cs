using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>Where the source declares a global, from its debug info.</summary>
internal static class GlobalDeclarations
{
    /// <summary>The global's name and, when its debug info says, the file and line of its declaration.</summary>
    public static DebugInfoOrigin Of(LlvmContext context, LlvmGlobal global)
    {
        var dbg = context.MetadataKindId("dbg");
        var variable = global.Attachments(context)
            .Where(a => a.Kind == dbg && a.Node.Kind == MetadataKind.GlobalVariableExpression)
            .Select(a => a.Node.GlobalVariable)
            .FirstOrDefault();
        return variable.IsNull
            ? new DebugInfoOrigin(global.Name, null, 0)
            : new DebugInfoOrigin(global.Name, variable.VariableFile.FilePath, (int)variable.VariableLine);
    }
}
