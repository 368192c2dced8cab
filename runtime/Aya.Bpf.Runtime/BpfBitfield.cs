using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Bitfields of a skeleton's structs (C has them, C# fields are whole bytes): the bits at a bit offset
/// of a struct's memory, numbered as on a little-endian BPF target (bit 0 is the first byte's lowest).
/// </summary>
public static class BpfBitfield
{
    public static ulong Read<T>(in T owner, int bitOffset, int bits)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in owner, 1));
        Check(bytes.Length, bitOffset, bits);
        ulong value = 0;
        for (var i = 0; i < bits; i++)
        {
            var bit = bitOffset + i;
            value |= (ulong)((bytes[bit / 8] >> (bit % 8)) & 1) << i;
        }
        return value;
    }

    /// <summary>The bits as a two's complement number of <paramref name="bits"/> bits, sign-extended.</summary>
    public static long ReadSigned<T>(in T owner, int bitOffset, int bits)
        where T : unmanaged
    {
        var shift = 64 - bits;
        return (long)(Read(in owner, bitOffset, bits) << shift) >> shift;
    }

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/>; the struct's other bits keep theirs.</summary>
    public static void Write<T>(ref T owner, int bitOffset, int bits, ulong value)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref owner, 1));
        Check(bytes.Length, bitOffset, bits);
        for (var i = 0; i < bits; i++)
        {
            var bit = bitOffset + i;
            var mask = (byte)(1 << (bit % 8));
            bytes[bit / 8] = ((value >> i) & 1) != 0 ? (byte)(bytes[bit / 8] | mask) : (byte)(bytes[bit / 8] & ~mask);
        }
    }

    private static void Check(int length, int bitOffset, int bits)
    {
        if (bits is < 1 or > 64 || bitOffset < 0 || bitOffset + bits > length * 8)
            throw new ArgumentOutOfRangeException(nameof(bitOffset), $"{bits} bits at bit {bitOffset} do not fit in {length} bytes.");
    }
}
