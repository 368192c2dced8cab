using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.License;

/// <summary>
/// Which programs reach each function: the sections of the entry points whose calls lead to it. What
/// the kernel allows a function depends on the type of the program it runs in.
/// </summary>
internal static class ProgramReach
{
    /// <summary>For each defined function a program reaches, by name: the program sections that reach it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Find(LlvmContext context, LlvmModule module)
    {
        var functions = module.Functions.Where(f => !f.IsDeclaration).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var callees = functions.Values.ToDictionary(
            f => f.Name,
            f => f.Instructions(context).Where(i => i.IsCall).Select(i => i.CalledFunction?.Name).OfType<string>().Where(functions.ContainsKey).Distinct().ToList(),
            StringComparer.Ordinal);
        var reach = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in functions.Values.Where(f => ExportPolicy.IsProgramSection(f.Section)))
        {
            var pending = new Stack<string>([entry.Name]);
            while (pending.TryPop(out var name))
            {
                if (!(reach.TryGetValue(name, out var sections) ? sections : reach[name] = []).Add(entry.Section))
                    continue;
                foreach (var callee in callees[name])
                    pending.Push(callee);
            }
        }
        return reach.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal);
    }
}
