using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>ar archives as rustc writes rlibs: symbol index, long-name table, metadata, bitcode members, nesting.</summary>
internal static class ArchiveFuzz
{
    private const string LongName = "probe-0123456789abcdef.probe.a1b2c3d4e5f6-cgu.0.rcgu.o";

    public static FuzzTarget Target { get; } = new("archive", Seeds(), LinkInputRead.Codes, LinkInputRead.Read);

    private static byte[][] Seeds()
    {
        var module = TestBitcode.Module();
        byte[] metadata = [.. "rust\0\0\0\u0009metadata"u8];
        var rlib = GnuArchiveWriter.Write([("lib.rmeta", metadata), ("short.o", module), (LongName, TestBitcode.WithChar6Producer("LLVM22.1.2"))]);
        return
        [
            rlib,
            GnuArchiveWriter.Write([("lib.rmeta", metadata)], symbolInFirstMember: ""),
            GnuArchiveWriter.Write([("a.o", module), ("b.o", TestElf.WithBitcode(module))], symbolInFirstMember: null),
            GnuArchiveWriter.Write([("inner.a", GnuArchiveWriter.Write([("x.o", module)])), (LongName, module)]),
        ];
    }
}
