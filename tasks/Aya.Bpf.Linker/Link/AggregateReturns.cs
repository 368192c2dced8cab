using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// The BPF calling convention returns one value of at most 64 bits, in r0; the BPF backend cannot
/// compile a function that returns more ("only small returns supported", after which LLVM 22's code
/// generator crashes). Rust returns a pair of scalars (<c>Option&lt;u32&gt;</c>,
/// <c>Result&lt;u32, i64&gt;</c>) as an LLVM struct, so the program's functions that return one are
/// inlined into their callers, as <c>#[inline(always)]</c> would have them; one that cannot be (it
/// calls itself) is reported after optimisation.
/// </summary>
internal static class AggregateReturns
{
    private static readonly string[] s_keepsOutOfLine = ["noinline", "optnone"];

    /// <summary>Whether BPF cannot return what <paramref name="function"/> returns.</summary>
    public static bool CannotReturn(LlvmGlobal function) => function.Signature[0] switch
    {
        { Kind: LlvmTypeKind.Struct or LlvmTypeKind.Array } => true,
        { Kind: LlvmTypeKind.Integer, IntegerBits: > 64 } => true,
        _ => false,
    };

    /// <summary>
    /// Before optimisation: marks the internal functions that return too much always-inline, and
    /// takes the <c>noinline</c> off their calls (rustc marks both for <c>#[inline(never)]</c>);
    /// returns how many of them are called.
    /// </summary>
    public static int InlineIntoCallers(LlvmContext context, LlvmModule module)
    {
        var alwaysInline = LlvmAttributes.EnumKind("alwaysinline");
        var keptOutOfLine = s_keepsOutOfLine.Select(LlvmAttributes.EnumKind).Where(kind => kind != 0).ToList();
        var marked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration && f.Linkage is Linkage.Internal or Linkage.Private && CannotReturn(f)))
        {
            foreach (var kind in keptOutOfLine)
                LlvmAttributes.RemoveEnum(function, kind);
            LlvmAttributes.AddEnum(context, function, alwaysInline);
            marked.Add(function.Name);
        }
        foreach (var call in module.Functions.Where(f => !f.IsDeclaration).SelectMany(f => f.Instructions(context)).Where(i => i.IsCall))
        {
            if (call.CalledFunction is { } callee && marked.Contains(callee.Name))
                keptOutOfLine.ForEach(call.RemoveCallAttribute);
        }
        return module.Functions.Count(f => marked.Contains(f.Name) && f.IsUsed);
    }
}
