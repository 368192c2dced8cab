using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>Where the source declares each map in <c>.maps</c>, from the debug info of its global.</summary>
internal static class MapSources
{
    public static IReadOnlyList<DebugInfoOrigin> Find(LlvmContext context, LlvmModule module)
    {
        var dbg = context.MetadataKindId("dbg");
        var found = new List<DebugInfoOrigin>();
        foreach (var global in module.Variables.Where(v => v.Section == MapBtfValidator.SectionName))
        {
            var variable = global.Attachments(context)
                .Where(a => a.Kind == dbg && a.Node.Kind == MetadataKind.GlobalVariableExpression)
                .Select(a => a.Node.GlobalVariable)
                .FirstOrDefault();
            found.Add(variable.IsNull
                ? new DebugInfoOrigin(global.Name, null, 0)
                : new DebugInfoOrigin(global.Name, variable.VariableFile.FilePath, (int)variable.VariableLine));
        }
        return found;
    }
}
