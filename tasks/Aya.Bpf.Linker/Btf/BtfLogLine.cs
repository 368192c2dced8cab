using System.Globalization;

namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Formats a type the way the kernel's BTF verifier log does: <c>[id] KIND name details</c>, e.g.
/// <c>[10] STRUCT Wrapper&lt;u8&gt; size=8 vlen=2</c>, with "(anon)" for an empty name.
/// </summary>
internal static class BtfLogLine
{
    public static string DisplayName(BtfType type) =>
        type.Header.NameOffset == 0 ? "(anon)" : type.Name ?? "(invalid-name-offset)";

    public static string DisplayName(uint nameOffset, string? name) =>
        nameOffset == 0 ? "(anon)" : name ?? "(invalid-name-offset)";

    /// <summary>The type line without details (the kernel's "basic" form).</summary>
    public static string Basic(BtfType type) =>
        Invariant($"[{type.Id}] {BtfKindNames.Of(type.Kind)} {DisplayName(type)}");

    /// <summary>The type line with the kind's details.</summary>
    public static string Full(BtfType type) => $"{Basic(type)} {Details(type)}";

    public static string Details(BtfType type) => type switch
    {
        BtfIntType i => Invariant($"size={i.Size} bits_offset={i.BitOffset} nr_bits={i.Bits} encoding={Encoding(i.Encoding)}"),
        BtfReferenceType r => Invariant($"type_id={r.Type}"),
        BtfFuncType f => Invariant($"type_id={f.Type}"),
        BtfFwdType f => f.IsUnion ? "union" : "struct",
        BtfArrayType a => Invariant($"type_id={a.ElementType} index_type_id={a.IndexType} nr_elems={a.Count}"),
        BtfCompositeType c => Invariant($"size={c.Size} vlen={c.Vlen}"),
        BtfEnumType e => Invariant($"size={e.Size} vlen={e.Vlen}"),
        BtfDatasecType d => Invariant($"size={d.Size} vlen={d.Vlen}"),
        BtfFuncProtoType p => Invariant($"return={p.ReturnType} args=({Args(p)})"),
        BtfVarType v => Invariant($"type_id={v.Type} linkage={v.Linkage}"),
        BtfFloatType f => Invariant($"size={f.Size}"),
        BtfDeclTagType t => Invariant($"type={t.Type} component_idx={t.ComponentIndex}"),
        _ => "",
    };

    /// <summary>The kernel's member line (it prints it tab-indented under the type line).</summary>
    public static string Member(BtfMember member) => member.KindFlag
        ? Invariant($"{DisplayName(member.NameOffset, member.Name)} type_id={member.Type} bitfield_size={member.BitfieldSize} bits_offset={member.BitOffset}")
        : Invariant($"{DisplayName(member.NameOffset, member.Name)} type_id={member.Type} bits_offset={member.OffsetWord}");

    public static string Entry(BtfDatasecEntry entry) =>
        Invariant($"type_id={entry.Type} offset={entry.Offset} size={entry.Size}");

    private static string Args(BtfFuncProtoType proto)
    {
        if (proto.Params.Count == 0)
        {
            return "void";
        }

        return string.Join(", ", proto.Params.Select((p, i) => p.Type == 0 && i == proto.Params.Count - 1
            ? "vararg"
            : Invariant($"{p.Type} {DisplayName(p.NameOffset, p.Name)}")));
    }

    private static string Encoding(byte encoding) => encoding switch
    {
        0 => "(none)",
        BtfIntType.Signed => "SIGNED",
        BtfIntType.Char => "CHAR",
        BtfIntType.Bool => "BOOL",
        _ => "UNKN",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
