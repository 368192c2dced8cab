using System.Buffers.Binary;
using System.Text;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// One record the aya-shaped log macros (tests/fixtures/aya/aya-log-ebpf) wrote into the AYA_LOGS
/// ring buffer, decoded as user space decodes it: its length (u16), level (u8), source line (u32),
/// module path and format string (each a u16 length and its bytes), then each argument (a kind byte
/// and its bytes in the kernel's byte order, little-endian here).
/// </summary>
internal sealed record AyaLogRecord(int Level, int Line, string Module, string Format, IReadOnlyList<long> Arguments)
{
    public const int Info = 3;
    public const int Debug = 4;

    // Argument kinds: u8, u16, u32, u64, i32, i64.
    private static readonly int[] s_kindSizes = [0, 1, 2, 4, 8, 4, 8];

    /// <summary>Decodes a record; fails the test when it is not one.</summary>
    public static AyaLogRecord Parse(byte[] record)
    {
        var reader = new Reader(record);
        int size = reader.UInt16();
        Assert.IsLessThanOrEqualTo(record.Length, size, $"a record of {size} bytes in a {record.Length}-byte reservation");
        int level = reader.Byte();
        int line = (int)reader.UInt32();
        string module = reader.Text();
        string format = reader.Text();
        List<long> arguments = [];
        while (reader.Position < size)
        {
            int kind = reader.Byte();
            Assert.IsTrue(kind is > 0 and < 7, $"argument kind {kind} at {reader.Position - 1}");
            arguments.Add(reader.Integer(s_kindSizes[kind], signed: kind >= 5));
        }
        Assert.AreEqual(size, reader.Position, "the arguments end where the record says");
        return new AyaLogRecord(level, line, module, format, arguments);
    }

    private sealed class Reader(byte[] bytes)
    {
        public int Position { get; private set; }

        public int Byte() => bytes[Position++];

        public int UInt16() => (int)Integer(2, signed: false);

        public uint UInt32() => (uint)Integer(4, signed: false);

        public string Text()
        {
            int length = UInt16();
            string text = Encoding.UTF8.GetString(bytes, Position, length);
            Position += length;
            return text;
        }

        public long Integer(int size, bool signed)
        {
            ReadOnlySpan<byte> span = bytes.AsSpan(Position, size);
            Position += size;
            return size switch
            {
                1 => signed ? (sbyte)span[0] : span[0],
                2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span),
                4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span),
                _ => BinaryPrimitives.ReadInt64LittleEndian(span),
            };
        }
    }
}
