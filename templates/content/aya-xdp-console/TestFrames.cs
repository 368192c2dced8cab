using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace XdpConsoleNamespace;

/// <summary>
/// Ethernet frames for BPF_PROG_TEST_RUN. An XDP program sees the whole frame, Ethernet header
/// first, so a test frame is built as the wire carries it.
/// </summary>
internal static class TestFrames
{
    private const int EthernetHeaderLength = 14;
    private const int Ipv4HeaderLength = 20;
    private const int Ipv6HeaderLength = 40;
    private const int UdpHeaderLength = 8;
    private const byte Udp = 17;
    private const byte NoNextHeader = 59;
    private const byte HopLimit = 64;

    /// <summary>An IPv4 frame holding an empty UDP datagram from port 40000 to port 9.</summary>
    public static byte[] Ipv4Udp(IPAddress source, IPAddress destination)
    {
        Require(source, AddressFamily.InterNetwork);
        Require(destination, AddressFamily.InterNetwork);
        byte[] frame = new byte[EthernetHeaderLength + Ipv4HeaderLength + UdpHeaderLength];
        Span<byte> ip = Ethernet(frame, etherType: 0x0800);
        ip[0] = 0x45; // version 4, a header of five 32-bit words (no options)
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], Ipv4HeaderLength + UdpHeaderLength);
        ip[8] = HopLimit;
        ip[9] = Udp;
        source.TryWriteBytes(ip[12..16], out _);
        destination.TryWriteBytes(ip[16..20], out _);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], HeaderChecksum(ip[..Ipv4HeaderLength]));
        Span<byte> udp = ip[Ipv4HeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 9);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], UdpHeaderLength);
        // A UDP checksum of 0 means none, which IPv4 allows.
        return frame;
    }

    /// <summary>An IPv6 frame with no payload (next header 59, "no next header").</summary>
    public static byte[] Ipv6(IPAddress source, IPAddress destination)
    {
        Require(source, AddressFamily.InterNetworkV6);
        Require(destination, AddressFamily.InterNetworkV6);
        byte[] frame = new byte[EthernetHeaderLength + Ipv6HeaderLength];
        Span<byte> ip = Ethernet(frame, etherType: 0x86dd);
        ip[0] = 0x60; // version 6
        ip[6] = NoNextHeader;
        ip[7] = HopLimit;
        source.TryWriteBytes(ip[8..24], out _);
        destination.TryWriteBytes(ip[24..40], out _);
        return frame;
    }

    // A broadcast destination and a locally administered source MAC; returns what follows the header.
    private static Span<byte> Ethernet(byte[] frame, ushort etherType)
    {
        frame.AsSpan(0, 6).Fill(0xff);
        byte[] sourceMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
        sourceMac.CopyTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        return frame.AsSpan(EthernetHeaderLength);
    }

    // The one's complement of the one's complement sum of the header's 16-bit words (RFC 791).
    private static ushort HeaderChecksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }

    private static void Require(IPAddress address, AddressFamily family)
    {
        if (address.AddressFamily != family)
            throw new ArgumentException($"{address} is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address.", nameof(address));
    }
}
