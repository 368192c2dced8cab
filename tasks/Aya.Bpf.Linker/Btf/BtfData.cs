namespace Aya.Bpf.Linker.Btf;

/// <summary>A parsed <c>.BTF</c> section: header, strings and types (id 1 is <c>Types[0]</c>; id 0 is void).</summary>
internal sealed record BtfData(BtfHeader Header, bool IsBigEndian, int TotalLength, BtfStringTable Strings, IReadOnlyList<BtfType> Types)
{
    /// <summary>The type with this id, or null for void (0) and ids past the last type.</summary>
    public BtfType? TypeById(uint id) => id >= 1 && id <= (uint)Types.Count ? Types[(int)id - 1] : null;

    public bool IsValidId(uint id) => id <= (uint)Types.Count;
}
