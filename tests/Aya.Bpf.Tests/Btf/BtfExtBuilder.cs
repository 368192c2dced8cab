using System.Buffers.Binary;

namespace Aya.Bpf.Tests.Btf;

/// <summary>
/// Writes little-endian .BTF.ext blobs: func_info (8-byte records) and line_info (16-byte records) per
/// section, or CO-RE relocations (16-byte records) alone.
/// </summary>
internal static class BtfExtBuilder
{
    public static byte[] Build(uint sectionNameOffset, (uint Insn, uint Type)[] funcs, uint[] lineInsns)
    {
        var func = new List<uint> { 8, sectionNameOffset, (uint)funcs.Length };
        func.AddRange(funcs.SelectMany(f => new[] { f.Insn * 8, f.Type }));
        var line = new List<uint> { 16, sectionNameOffset, (uint)lineInsns.Length };
        line.AddRange(lineInsns.SelectMany(i => new[] { i * 8, 0u, 0u, (7u << 10) | 3 }));
        uint[] header = [0xEB9F | (1u << 16), 32, 0, (uint)func.Count * 4, (uint)func.Count * 4, (uint)line.Count * 4, 0, 0];
        return Bytes([.. header, .. func, .. line]);
    }

    /// <summary>CO-RE records of one section: byte offset of the instruction, root type, access string offset, kind.</summary>
    public static byte[] BuildCore(uint sectionNameOffset, params (uint InsnOffset, uint Type, uint Access, uint Kind)[] records)
    {
        var core = new List<uint> { 16, sectionNameOffset, (uint)records.Length };
        core.AddRange(records.SelectMany(r => new[] { r.InsnOffset, r.Type, r.Access, r.Kind }));
        uint[] header = [0xEB9F | (1u << 16), 32, 0, 0, 0, 0, 0, (uint)core.Count * 4];
        return Bytes([.. header, .. core]);
    }

    private static byte[] Bytes(uint[] words)
    {
        byte[] blob = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(i * 4), words[i]);
        }

        return blob;
    }
}
