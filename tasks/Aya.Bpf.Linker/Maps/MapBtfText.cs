using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Maps;

/// <summary>Kind names as libbpf's warnings print them (<c>ptr</c>, <c>func_proto</c>...; <c>void</c> for no type).</summary>
internal static class MapBtfText
{
    public static string KindOf(BtfType? type) => type is null ? "void" : KindOf(type.Kind);

    public static string KindOf(BtfKind kind) => kind == BtfKind.Unknown ? "void" : BtfKindNames.Of(kind).ToLowerInvariant();

    /// <summary>libbpf's btf_var_linkage_str.</summary>
    public static string LinkageOf(uint linkage) => linkage switch
    {
        (uint)BtfVarLinkage.Static => "static",
        (uint)BtfVarLinkage.GlobalAllocated => "global",
        (uint)BtfVarLinkage.GlobalExtern => "extern",
        _ => "unknown",
    };
}
