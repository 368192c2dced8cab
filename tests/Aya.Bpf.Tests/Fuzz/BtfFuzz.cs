using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary><c>.BTF</c>: the header and section bounds, every kind's record, then the kernel's rules on what was read.</summary>
internal static class BtfFuzz
{
    public static FuzzTarget Target { get; } = new(
        "btf", [Seed(bigEndian: false), Seed(bigEndian: true)], new HashSet<string> { DiagnosticCodes.BtfInvalid }, btf => BtfObjectRead.Read(btf, btfExt: null));

    /// <summary>One type of each kind the link's objects hold, referring to each other.</summary>
    public static byte[] Seed(bool bigEndian)
    {
        var b = new BtfBuilder(bigEndian);
        uint i = b.Int();
        uint u64 = b.Int("u64", 8, 64, 0);
        uint pointer = b.Ptr(i);
        uint pair = b.Struct("pair", 16, ("first", i, 0), ("second", u64, 64));
        b.Union("either", 8, ("number", u64, 0), ("link", pointer, 0));
        b.Enum("state", 4, signed: false, ("IDLE", 0), ("BUSY", 1));
        b.Enum64("wide", ("BIG", 1UL << 40));
        uint name = b.Typedef("pair_t", b.Const(pair));
        uint array = b.Array(name, i, 4);
        b.Fwd("opaque");
        b.Float("double", 8);
        uint proto = b.Proto(i, ("ctx", pointer), ("n", u64));
        uint prog = b.Func("prog", proto);
        b.DeclTag("hot", prog, -1);
        b.TypeTag("user", i);
        uint counters = b.Var("counters", array, BtfVarLinkage.Static);
        b.Datasec(".bss", 64, (counters, 0, 64));
        return b.Build();
    }
}
