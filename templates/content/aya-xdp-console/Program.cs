// Loads the eBPF crate's XDP program through its generated skeleton, runs it on test frames with
// BPF_PROG_TEST_RUN (no interface needed), and prints each verdict and what the program counted.
// Loading a program into the kernel needs root (or CAP_BPF with CAP_NET_ADMIN).
using System.Buffers.Binary;
using System.Net;
using Aya.Bpf.Runtime;
using AyaXdpConsoleEbpf;
using XdpConsoleNamespace;

// Documentation addresses (RFC 5737, RFC 3849): the first source sends two frames, the second one.
IPAddress first = IPAddress.Parse("192.0.2.1");
IPAddress second = IPAddress.Parse("198.51.100.7");
IPAddress destination = IPAddress.Parse("203.0.113.9");
// Where an IPv4 header has its source, this IPv6 frame has the bytes of 192.0.2.1 (c000:0201):
// a program that took every frame for IPv4 would count it as a third packet from the first source.
IPAddress ipv6Source = IPAddress.Parse("2001:db8:c000:201::1");

(string Label, byte[] Frame)[] frames =
[
    ($"IPv4 from {first}", TestFrames.Ipv4Udp(first, destination)),
    ($"IPv4 from {first}", TestFrames.Ipv4Udp(first, destination)),
    ($"IPv4 from {second}", TestFrames.Ipv4Udp(second, destination)),
    ($"IPv6 from {ipv6Source}", TestFrames.Ipv6(ipv6Source, IPAddress.Parse("2001:db8::9"))),
];

try
{
    using var skeleton = AyaXdpConsoleEbpfBpf.Open();
    skeleton.Load();
    BpfProgram program = skeleton.Programs.AyaXdpCount;
    Console.WriteLine($"Loaded {program.Name} from {AyaXdpConsoleEbpfBpf.FileName}");

    foreach (var (label, frame) in frames)
        Console.WriteLine($"{label}: {Verdict(program.TestRun(frame).ReturnValue)}");

    var packets = skeleton.Maps.SourcePackets;
    Console.WriteLine($"{packets.Name}:");
    // Every entry the map holds, in address order.
    foreach (var (key, n) in packets.Entries().OrderBy(entry => entry.Key))
        Console.WriteLine($"  {Address(key)}: {n} packet{(n == 1 ? "" : "s")}");
    return 0;
}
catch (BpfException e)
{
    // LibbpfMissingException (no libbpf.so.1) is one too; a load refused for want of privileges
    // says so in its message (EPERM).
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The program's key is the address as a number, as it reads it from the packet.
static IPAddress Address(uint key)
{
    var bytes = new byte[4];
    BinaryPrimitives.WriteUInt32BigEndian(bytes, key);
    return new IPAddress(bytes);
}

static string Verdict(uint action) => action switch
{
    0 => "XDP_ABORTED",
    1 => "XDP_DROP",
    2 => "XDP_PASS",
    3 => "XDP_TX",
    4 => "XDP_REDIRECT",
    _ => $"action {action}",
};
