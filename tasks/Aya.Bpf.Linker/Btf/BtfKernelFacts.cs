namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's BTF rules that changed between releases, for one baseline version. Sources: the
/// kernel's kernel/bpf/btf.c (a 6.0-era copy and the current one) and the commits named below.
/// </summary>
internal sealed class BtfKernelFacts(Version baseline)
{
    public Version Baseline { get; } = baseline;

    /// <summary>
    /// KSYM_NAME_LEN, the kernel's name limit: a name is valid only when shorter than it. 128 until
    /// 6.0; 512 from 6.1 ("kallsyms: increase maximum kernel symbol length to 512", for Rust symbols).
    /// </summary>
    public int NameLengthLimit => AtLeast(6, 1) ? 512 : 128;

    /// <summary>
    /// From 6.9 (commit bd70a8fb7ca4, "bpf: Allow all printable characters in BTF DATASEC names")
    /// DATASEC names may hold any printable character and every identifier may hold '.'. Before, '.'
    /// was allowed only in VAR and DATASEC names (the <c>dot_ok</c> argument of 6.0's name check).
    /// </summary>
    public bool PrintableSectionNames => AtLeast(6, 9);

    public bool DotsInIdentifiers => AtLeast(6, 9);

    /// <summary>kind_flag on ENUM means "signed" from 6.0 (with ENUM64); before, any kind_flag on ENUM was refused.</summary>
    public bool SignedEnums => AtLeast(6, 0);

    /// <summary>FUNC linkage in vlen (static/global) from 5.6, with per-function verification; before, vlen had to be 0.</summary>
    public bool FuncLinkage => AtLeast(5, 6);

    /// <summary>The kinds this kernel knows: FUNC/FUNC_PROTO 4.20, VAR/DATASEC 5.2, FLOAT 5.13, DECL_TAG 5.16, TYPE_TAG 5.17, ENUM64 6.0.</summary>
    public bool Knows(BtfKind kind) =>
        kind is not BtfKind.Unknown && kind <= BtfKindNames.Newest && Baseline >= FirstKernel(kind);

    /// <summary>The first kernel that knows <paramref name="kind"/>; 4.18 (BTF itself) for the first kinds.</summary>
    public static Version FirstKernel(BtfKind kind) => kind switch
    {
        BtfKind.Func or BtfKind.FuncProto => new(4, 20),
        BtfKind.Var or BtfKind.Datasec => new(5, 2),
        BtfKind.Float => new(5, 13),
        BtfKind.DeclTag => new(5, 16),
        BtfKind.TypeTag => new(5, 17),
        BtfKind.Enum64 => new(6, 0),
        _ => new(4, 18),
    };

    private bool AtLeast(int major, int minor) => Baseline >= new Version(major, minor);
}
