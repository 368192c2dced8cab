using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// Rewrites the linked module's debug info so that LLVM's BPF backend makes BTF the kernel accepts from it.
/// Repairing the debug info, rather than the BTF after code generation, keeps <c>.BTF</c>, <c>.BTF.ext</c>
/// and their relocations consistent by construction: LLVM lays them out from the repaired nodes.
/// </summary>
internal static class DebugInfoRepair
{
    public static DebugInfoRepairResult Apply(LlvmContext context, LlvmModule module)
    {
        var result = new DebugInfoRepairResult();
        StaticVariableRepair.Apply(context, module, result);
        var graph = DebugInfoGraph.Walk(module.DebugInfoRoots(context));
        using (var builder = new DebugInfoBuilder(context, module))
        {
            var layout = DebugInfoLayout.Measure(builder);
            // Basic types go first: a zero-sized `()` must become a struct before names are sanitised.
            BasicTypeRepair.Apply(graph, builder, result);
            NameRepair.Apply(context, graph, result);
            // After the names are sanitised: the sanitiser leaves empty names alone, so it cannot give these back.
            AnonymousMemberRepair.Apply(layout, graph, result);
            MemberOrderRepair.Apply(context, layout, graph, result);
            VariantPartRepair.Apply(context, layout, graph, result);
            SubroutineTypeRepair.Apply(context, layout, module, builder, result);
            ParameterNameRepair.Apply(context, layout, module, builder, result);
        }
        return result;
    }
}
