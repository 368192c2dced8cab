namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The members of one BTF map definition as libbpf reads them; null where the member is absent (or
/// could not be read). Sizes from <c>key</c>/<c>value</c> are kept apart from <c>key_size</c>/<c>value_size</c>
/// so that disagreements can be reported.
/// </summary>
internal sealed class BtfMapDefinition
{
    public uint? Type { get; set; }

    public uint? MaxEntries { get; set; }

    public uint? MapFlags { get; set; }

    public uint? NumaNode { get; set; }

    public uint? Pinning { get; set; }

    public ulong? MapExtra { get; set; }

    /// <summary>The <c>key_size</c> member.</summary>
    public uint? KeySize { get; set; }

    /// <summary>The type <c>key</c> points to, and its size.</summary>
    public uint? KeyTypeId { get; set; }

    public ulong? KeyTypeSize { get; set; }

    /// <summary>The <c>value_size</c> member.</summary>
    public uint? ValueSize { get; set; }

    /// <summary>The type <c>value</c> points to, and its size.</summary>
    public uint? ValueTypeId { get; set; }

    public ulong? ValueTypeSize { get; set; }

    /// <summary>A <c>values</c> member was given (its value size is 4: a map or program fd).</summary>
    public bool HasValues { get; set; }

    /// <summary>The inner map's definition, from <c>values</c> of a map-in-map.</summary>
    public BtfMapDefinition? Inner { get; set; }

    /// <summary>Members that were given but could not be read (already reported); rules that need them are skipped.</summary>
    public ISet<string> Unreadable { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The key size the map will be created with: <c>key_size</c>, else the size of <c>key</c>'s type.</summary>
    public ulong? EffectiveKeySize => KeySize ?? KeyTypeSize;

    /// <summary>The value size the map will be created with: <c>value_size</c>, else the size of <c>value</c>'s type, else 4 with <c>values</c>.</summary>
    public ulong? EffectiveValueSize => ValueSize ?? ValueTypeSize ?? (HasValues ? 4u : null);
}
