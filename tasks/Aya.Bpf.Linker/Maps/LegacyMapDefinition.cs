using System.Buffers.Binary;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// A legacy map definition, <c>struct bpf_map_def</c> as aya-ebpf and old C code write it in section
/// <c>maps</c>: type, key_size, value_size, max_entries, map_flags, then the optional id and pinning.
/// </summary>
internal sealed record LegacyMapDefinition(uint Type, uint KeySize, uint ValueSize, uint MaxEntries, uint MapFlags, uint Id, uint Pinning)
{
    /// <summary>type, key_size, value_size, max_entries and map_flags: the part every variant has.</summary>
    public const int MinimumLength = 20;

    /// <summary>Reads the definition from the start of a static's bytes; null when they are too short.</summary>
    public static LegacyMapDefinition? Parse(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        if (bytes.Length < MinimumLength)
            return null;
        return new LegacyMapDefinition(Field(bytes, 0, bigEndian), Field(bytes, 1, bigEndian), Field(bytes, 2, bigEndian),
            Field(bytes, 3, bigEndian), Field(bytes, 4, bigEndian), Field(bytes, 5, bigEndian), Field(bytes, 6, bigEndian));
    }

    /// <summary>The index-th u32 of the definition; 0 past the end (id and pinning are optional).</summary>
    private static uint Field(ReadOnlySpan<byte> bytes, int index, bool bigEndian)
    {
        var at = index * sizeof(uint);
        if (at + sizeof(uint) > bytes.Length)
            return 0;
        var word = bytes.Slice(at, sizeof(uint));
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(word) : BinaryPrimitives.ReadUInt32LittleEndian(word);
    }
}
