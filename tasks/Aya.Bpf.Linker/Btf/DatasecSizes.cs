namespace Aya.Bpf.Linker.Btf;

/// <summary>The DATASEC the kernel will see once libbpf has fixed it up from the ELF object.</summary>
internal static class DatasecSizes
{
    /// <summary>With libbpf's fix-up: entries with global VARs at their symbols' offsets, sorted by offset.</summary>
    public static IReadOnlyList<BtfDatasecEntry> EntriesAsKernelSees(BtfDatasecType type, BtfData btf, BtfValidationOptions options)
    {
        if (options.VariableOffsets is not { } offsets)
            return type.Entries;
        return type.Entries
            .Select(entry => btf.TypeById(entry.Type) is BtfVarType { Linkage: not (uint)BtfVarLinkage.Static, Name: { } name }
                && offsets.TryGetValue(name, out var offset) ? entry with { Offset = offset } : entry)
            .OrderBy(entry => entry.Offset)
            .ToList();
    }

    /// <summary>The size once libbpf has replaced LLVM's 0 with the ELF section's size.</summary>
    public static uint AsKernelSees(BtfDatasecType type, BtfValidationOptions options) =>
        type.Size == 0 && options.SectionSizes.TryGetValue(type.Name ?? "", out uint elfSize) ? elfSize : type.Size;
}
