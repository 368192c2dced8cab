using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>Where the source declares each map in <c>.maps</c>, from the debug info of its global.</summary>
internal static class MapSources
{
    public static IReadOnlyList<DebugInfoOrigin> Find(LlvmContext context, LlvmModule module) =>
        [.. module.Variables.Where(v => v.Section == MapBtfValidator.SectionName).Select(global => GlobalDeclarations.Of(context, global))];
}
