using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// <c>.BTF.ext</c> beside a fixed valid <c>.BTF</c>: record sizes, per-section counts, name offsets, the
/// verifier's order rules, and CO-RE records walked against the BTF.
/// </summary>
internal static class BtfExtFuzz
{
    private static readonly (byte[] Blob, uint Section, uint Func, uint Helper, uint Pair, uint FirstMember) Btf = TwoFunctions();

    public static FuzzTarget Target { get; } = new(
        "btf-ext", Seeds(), new HashSet<string> { DiagnosticCodes.BtfExtInvalid, DiagnosticCodes.CoreRelocationInvalid }, ext => BtfObjectRead.Read(Btf.Blob, ext));

    private static byte[][] Seeds()
    {
        var (_, section, func, helper, pair, firstMember) = Btf;
        return
        [
            BtfExtBuilder.Build(section, [(0, func), (6, helper)], [0, 3, 6, 9]),
            BtfExtBuilder.Build(section, [(0, func)], [0]),
            BtfExtBuilder.BuildCore(section, (8, pair, firstMember, 0), (16, pair, firstMember, 2)),
        ];
    }

    private static (byte[] Blob, uint Section, uint Func, uint Helper, uint Pair, uint FirstMember) TwoFunctions()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint pair = b.Struct("pair", 8, ("left", i, 0), ("right", i, 32));
        uint proto = b.Proto(i, ("ctx", b.Ptr(0)));
        uint func = b.Func("prog", proto);
        uint helper = b.Func("helper", proto, Linker.Btf.BtfFuncLinkage.Static);
        uint section = b.Str("xdp");
        uint firstMember = b.Str("0:0");
        return (b.Build(), section, func, helper, pair, firstMember);
    }
}
