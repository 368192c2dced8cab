using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary><c>.BTF.ext</c> beside a fixed valid <c>.BTF</c>: record sizes, per-section counts, name offsets, the verifier's order rules.</summary>
internal static class BtfExtFuzz
{
    private static readonly (byte[] Blob, uint Section, uint Func, uint Helper) Btf = TwoFunctions();

    public static FuzzTarget Target { get; } = new(
        "btf-ext", Seeds(), new HashSet<string> { DiagnosticCodes.BtfExtInvalid }, ext => BtfObjectRead.Read(Btf.Blob, ext));

    private static byte[][] Seeds()
    {
        var (_, section, func, helper) = Btf;
        return
        [
            BtfExtBuilder.Build(section, [(0, func), (6, helper)], [0, 3, 6, 9]),
            BtfExtBuilder.Build(section, [(0, func)], [0]),
        ];
    }

    private static (byte[] Blob, uint Section, uint Func, uint Helper) TwoFunctions()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint proto = b.Proto(i, ("ctx", b.Ptr(0)));
        uint func = b.Func("prog", proto);
        uint helper = b.Func("helper", proto, Linker.Btf.BtfFuncLinkage.Static);
        uint section = b.Str("xdp");
        return (b.Build(), section, func, helper);
    }
}
