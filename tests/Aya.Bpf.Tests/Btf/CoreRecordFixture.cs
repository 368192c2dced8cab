using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>
/// A local BTF for CO-RE record tests, and a check of records against it in section "xdp" (64
/// instructions). <c>struct outer { u8 mac[6]; struct inner in; union val u; int n; int tail[]; }</c>
/// and its typedef, <c>struct zeros { int z[0]; int n; int one[1]; }</c> (zero-length arrays that are not
/// flexible), a bitfield struct, an anonymous struct, a FWD, an ENUM and an ENUM64.
/// </summary>
internal sealed class CoreRecordFixture
{
    public const uint SectionSize = 64 * 8;

    private readonly BtfBuilder b = new();

    public CoreRecordFixture()
    {
        Int = b.Int();
        uint u8 = b.Int("unsigned char", 1, 8, 0);
        uint u64 = b.Int("unsigned long long", 8, 64, 0);
        uint mac = b.Array(u8, Int, 6);
        Inner = b.Struct("inner", 8, ("a", Int, 0), ("b", Int, 32));
        uint value = b.Union("val", 4, ("i", Int, 0), ("c", u8, 0));
        uint flexible = b.Array(Int, Int, 0);
        Outer = b.Struct("outer", 24, ("mac", mac, 0), ("in", Inner, 64), ("u", value, 128), ("n", Int, 160), ("tail", flexible, 192));
        OuterTypedef = b.Typedef("outer_t", b.Const(Outer));
        Zeros = b.Struct("zeros", 8, ("z", flexible, 0), ("n", Int, 0), ("one", b.Array(Int, Int, 1), 32));
        // kind_flag members: "low" 3 bits at bit 0 of an int, "wide" 60 bits at bit 8 of a u64 (no 8-byte load holds them).
        Bits = b.Add("bits", BtfKind.Struct, 2, true, 16, b.Str("low"), Int, 3u << 24, b.Str("wide"), u64, (60u << 24) | 8);
        Anonymous = b.Struct("", 4, ("x", Int, 0));
        Fwd = b.Fwd("opaque");
        Enum = b.Enum("color", 4, false, ("RED", 0), ("GREEN", 1));
        Enum64 = b.Enum64("wide_values", ("HUGE", 1UL << 40));
    }

    public uint Int { get; }

    public uint Inner { get; }

    public uint Outer { get; }

    public uint OuterTypedef { get; }

    public uint Zeros { get; }

    public uint Bits { get; }

    public uint Anonymous { get; }

    public uint Fwd { get; }

    public uint Enum { get; }

    public uint Enum64 { get; }

    /// <summary>The kind libbpf's log calls <paramref name="libbpfName"/> (test data rows name kinds so).</summary>
    public static BtfCoreRelocationKind Kind(string libbpfName) =>
        System.Enum.GetValues<BtfCoreRelocationKind>().Single(kind => BtfCoreRelocationKinds.Name(kind) == libbpfName);

    /// <summary>The offset of <paramref name="text"/> in the local BTF's strings, for raw records.</summary>
    public uint Str(string text) => b.Str(text);

    /// <summary>The violations for one record at instruction 3; its access string is interned here.</summary>
    public IReadOnlyList<BtfExtViolation> Check(uint type, string access, BtfCoreRelocationKind kind, uint insnOffset = 24, string section = "xdp") =>
        Check(section, (insnOffset, type, b.Str(access), (uint)kind));

    /// <summary>The one violation's message for the record; fails unless there is exactly one.</summary>
    public string Refusal(uint type, string access, BtfCoreRelocationKind kind, uint insnOffset = 24, string section = "xdp")
    {
        var violations = Check(type, access, kind, insnOffset, section);
        return Assert.ContainsSingle(violations, string.Join(" | ", violations)).ToString();
    }

    /// <summary>The violations for raw records of <paramref name="section"/>, checked as if the object had an executable "xdp" only.</summary>
    public IReadOnlyList<BtfExtViolation> Check(string section, params (uint InsnOffset, uint Type, uint Access, uint Kind)[] records)
    {
        uint name = b.Str(section);
        var btf = b.Read();
        Assert.IsTrue(BtfExtReader.TryRead(BtfExtBuilder.BuildCore(name, records), btf.Strings, out var ext, out var error), error?.ToString());
        return BtfCoreRecordValidator.Validate(ext!, btf, new Dictionary<string, uint> { ["xdp"] = SectionSize });
    }
}
