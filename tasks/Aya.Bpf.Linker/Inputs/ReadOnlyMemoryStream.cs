using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>Gives LibObjectFile (which reads streams) a read-only view of bytes already in memory.</summary>
internal static class ReadOnlyMemoryStream
{
    public static MemoryStream Open(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    /// <summary>The bytes of a stream LibObjectFile produced, without a copy when it is a memory stream.</summary>
    public static ReadOnlyMemory<byte> ReadAll(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return buffer;
        }

        using var copy = new MemoryStream();
        stream.Position = 0;
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
