using System.Buffers.Binary;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// The bitcode wrapper header (Darwin's and some toolchains' packaging): five little-endian u32s
/// (magic, version, offset, size, cputype); the bitcode lies at [offset, offset + size).
/// </summary>
internal static class BitcodeWrapper
{
    public const int HeaderLength = 20;

    public static ReadOnlySpan<byte> Magic => [0xDE, 0xC0, 0x17, 0x0B];

    /// <summary>Finds the wrapped bitcode; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryLocate(ReadOnlySpan<byte> data, out Range bitcode, out string problem)
    {
        bitcode = default;
        problem = "";
        if (data.Length < HeaderLength)
        {
            problem = $"is {data.Length} bytes long, shorter than the {HeaderLength}-byte bitcode wrapper header";
            return false;
        }

        var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        var end = (ulong)offset + size;
        if (offset < HeaderLength)
        {
            problem = $"has a bitcode wrapper whose bitcode offset {offset} points into its own header";
            return false;
        }

        if (end > (ulong)data.Length)
        {
            problem = $"is truncated: its bitcode wrapper places the bitcode at bytes {offset}..{end}, but it has only {data.Length} bytes";
            return false;
        }

        bitcode = new Range((int)offset, (int)end);
        return true;
    }
}
