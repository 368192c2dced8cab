using System.Buffers.Binary;

namespace Aya.Bpf.Tests.Btf;

/// <summary>Writes little-endian .BTF.ext blobs: func_info (8-byte records) and line_info (16-byte records) per section.</summary>
internal static class BtfExtBuilder
{
    public static byte[] Build(uint sectionNameOffset, (uint Insn, uint Type)[] funcs, uint[] lineInsns)
    {
        var func = new List<uint> { 8, sectionNameOffset, (uint)funcs.Length };
        func.AddRange(funcs.SelectMany(f => new[] { f.Insn * 8, f.Type }));
        var line = new List<uint> { 16, sectionNameOffset, (uint)lineInsns.Length };
        line.AddRange(lineInsns.SelectMany(i => new[] { i * 8, 0u, 0u, (7u << 10) | 3 }));
        uint[] header = [0xEB9F | (1u << 16), 32, 0, (uint)func.Count * 4, (uint)func.Count * 4, (uint)line.Count * 4, 0, 0];
        uint[] words = [.. header, .. func, .. line];
        byte[] blob = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(i * 4), words[i]);
        }

        return blob;
    }
}
