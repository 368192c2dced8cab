using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>Gives internal linkage to every defined symbol the export policy does not keep.</summary>
internal static class Internalizer
{
    /// <summary>Returns the names of the defined symbols left visible.</summary>
    public static IReadOnlyList<string> Apply(LlvmModule module, ExportPolicy policy)
    {
        List<string> kept = [];
        foreach (var global in module.Globals)
        {
            if (global.IsDeclaration || global.Linkage is Linkage.Internal or Linkage.Private or Linkage.Appending)
                continue;
            var name = global.Name;
            if (ExportPolicy.IsLlvmReserved(name))
                continue;
            if (policy.IsExported(name, global.Kind, global.Section, global.Linkage))
                kept.Add(name);
            else
                global.Internalize();
        }
        return kept;
    }
}
