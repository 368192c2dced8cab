namespace Aya.Bpf.Linker.Btf;

/// <summary>What the validated BTF must satisfy.</summary>
internal sealed record BtfValidationOptions
{
    /// <summary>
    /// The oldest kernel the object must load on; it decides the name length limit, the name
    /// alphabet and which kinds exist (see <see cref="BtfKernelFacts"/>). 6.1 by default: the oldest
    /// long-term kernel with 512-byte names and ENUM64.
    /// </summary>
    public Version KernelBaseline { get; init; } = new(6, 1);

    /// <summary>
    /// ELF section sizes by name. LLVM writes DATASEC size 0 and libbpf fills in the ELF section's
    /// size before the kernel sees the BTF, so a DATASEC of size 0 is checked with the size given here
    /// (what the kernel will see); without an entry its size-dependent checks are skipped.
    /// </summary>
    public IReadOnlyDictionary<string, uint> SectionSizes { get; init; } = new Dictionary<string, uint>();

    /// <summary>
    /// Offsets of the ELF data symbols by name, for BTF that reaches the kernel through libbpf: libbpf sets
    /// a global VAR's DATASEC offset from its symbol and then sorts the section's entries by offset
    /// (btf_fixup_datasec), so the kernel checks those. Null for BTF loaded as it is.
    /// </summary>
    public IReadOnlyDictionary<string, uint>? VariableOffsets { get; init; }
}
