namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// What libbpf checks when it opens an object, before the kernel sees the BTF: every VAR of global linkage
/// in a DATASEC needs a GLOBAL or WEAK data symbol of the same name (libbpf's DATASEC fix-up looks it up
/// by name and fails to open the object without it). The extern sections <c>.kconfig</c> and <c>.ksyms</c>
/// are laid out by libbpf itself and are not looked up (see <see cref="LibbpfExterns"/>).
/// </summary>
internal static class LibbpfOpenChecks
{
    public static IReadOnlyList<BtfViolation> Check(BtfData btf, IReadOnlyDictionary<string, uint> globalDataSymbols)
    {
        var violations = new List<BtfViolation>();
        foreach (var datasec in btf.Types.OfType<BtfDatasecType>().Where(d => d.Name is not (LibbpfExterns.KconfigSection or LibbpfExterns.KsymsSection)))
        {
            foreach (var entry in datasec.Entries)
            {
                if (btf.TypeById(entry.Type) is not BtfVarType { Linkage: (uint)BtfVarLinkage.GlobalAllocated } variable
                    || variable.Name is null || globalDataSymbols.ContainsKey(variable.Name))
                    continue;
                violations.Add(new BtfViolation((int)variable.Id, BtfKind.Var, variable.Name, null,
                    $"libbpf: failed to find symbol for variable '{variable.Name}' in section '{datasec.Name}' " +
                    "(a global VAR needs a GLOBAL data symbol of the same name)"));
            }
        }
        return violations;
    }
}
