using System.Buffers.Binary;

namespace Aya.Bpf.Tests.Integration;

/// <summary>Frames the tests run programs on with BPF_PROG_TEST_RUN.</summary>
internal static class TestPackets
{
    public const int Tcp = 6;
    public const int Ttl = 64;

    /// <summary>The source address of <see cref="Ipv4Tcp"/>, 10.0.0.1, as a number (the order of its bytes on the wire).</summary>
    public const uint Ipv4Source = 0x0a000001;

    /// <summary>The IPv4 total length of <see cref="Ipv4Tcp"/>: both headers.</summary>
    public const int Ipv4TotalLength = 40;

    /// <summary>A broadcast Ethernet frame with an IPv4 TCP header (TTL 64) and an empty TCP segment.</summary>
    /// <param name="totalLength">The IPv4 header's total length (the frame stays as long).</param>
    public static byte[] Ipv4Tcp(bool goodChecksum, int totalLength = Ipv4TotalLength)
    {
        byte[] packet = new byte[14 + 20 + 20];
        packet.AsSpan(0, 6).Fill(0xff);
        packet.AsSpan(6, 6).Fill(0x02);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(12), 0x0800);
        Span<byte> ip = packet.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 1);
        ip[8] = Ttl;
        ip[9] = Tcp;
        byte[] addresses = [10, 0, 0, 1, 10, 0, 0, 2];
        addresses.CopyTo(ip[12..]);
        uint sum = 0;
        for (int i = 0; i < 20; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        ushort checksum = (ushort)~sum;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], goodChecksum ? checksum : (ushort)(checksum ^ 0xff00));
        return packet;
    }
}
