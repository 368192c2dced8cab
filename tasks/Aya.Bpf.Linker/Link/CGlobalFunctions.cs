using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// A program written in C alone keeps the global functions clang gave it. The kernel verifies a GLOBAL
/// FUNC once, on its own, and each call to it as one instruction; a STATIC one is verified again at every
/// call, in its caller's context. A C author who made a helper global (no <c>static</c>) wrote it to pass
/// on its own, and often to stay within the verifier's limits: the same helper made static cost 3.5 times
/// the verifier instructions of clang's object in our fixture. So in a link whose every unit is C, the
/// non-static C functions stay exported and GLOBAL, as in clang's own object. Where Rust is linked in,
/// helpers stay static (Rust's would fail as global functions, and a C helper called from Rust is
/// checked with its Rust caller).
/// </summary>
internal static partial class CGlobalFunctions
{
    /// <summary>The defined non-internal functions of the module when all its compile units are C; none otherwise.</summary>
    public static IReadOnlyList<string> Find(LlvmContext context, LlvmModule module)
    {
        var units = module.CompileUnits(context);
        if (units.Count == 0 || !units.All(unit => CLanguage().IsMatch(unit.Print())))
            return [];
        return [.. module.Functions
            .Where(f => !f.IsDeclaration && f.Linkage is not (Linkage.Internal or Linkage.Private) && !ExportPolicy.IsLlvmReserved(f.Name))
            .Select(f => f.Name)];
    }

    // DW_LANG_C, C89, C99, C11, C17 (not C_plus_plus): the unit's language as LLVM prints it.
    [GeneratedRegex(@"\blanguage: DW_LANG_C(89|99|11|17)?[,)]")]
    private static partial Regex CLanguage();
}
