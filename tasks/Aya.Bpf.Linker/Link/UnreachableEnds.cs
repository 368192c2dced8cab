using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// An <c>unreachable</c> (after a call that never returns, such as core's panic functions) becomes
/// no instruction at all in BPF, so the function's code runs off its end: the verifier refuses the
/// whole program ("last insn is not an exit or jmp") before it looks at any path. Each becomes a
/// return of zero, so the verifier judges the paths themselves: one it proves dead costs nothing.
/// Runs after optimisation, which would otherwise take the returns for real paths.
/// </summary>
internal static class UnreachableEnds
{
    /// <summary>Returns how many were replaced.</summary>
    public static int Replace(LlvmContext context, LlvmModule module)
    {
        var replaced = 0;
        using var builder = new LlvmBuilder(context);
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            foreach (var unreachable in function.Instructions(context).Where(i => i.IsUnreachable).ToList())
            {
                builder.ReplaceWithReturn(unreachable, function);
                replaced++;
            }
        }
        return replaced;
    }
}
