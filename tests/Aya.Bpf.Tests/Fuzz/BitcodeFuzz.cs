using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>Raw bitcode and bitcode wrappers: the outer shape check, the wrapper header and the identification block reader.</summary>
internal static class BitcodeFuzz
{
    public static FuzzTarget Target { get; } = new("bitcode", Seeds(), LinkInputRead.Codes, LinkInputRead.Read);

    private static byte[][] Seeds() =>
    [
        TestBitcode.Module(),
        TestBitcode.WithChar6Producer("LLVM22.1.2", epoch: 0),
        TestBitcode.WithUnabbreviatedProducer("LLVM22.1.4-rust-1.97.0-nightly", epoch: 0),
        TestBitcode.WithoutIdentification(),
        TestBitcode.Wrap(TestBitcode.Module(), offset: 20, trailing: 0),
        TestBitcode.Wrap(TestBitcode.WithChar6Producer("LLVM14.0.6"), offset: 32, trailing: 8),
        "; ModuleID = 'probe'\ntarget triple = \"bpfel\"\n"u8.ToArray(),
    ];
}
