using System.Buffers.Binary;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>Small bitcode streams shaped like LLVM's output: magic, identification block, module block.</summary>
internal static class TestBitcode
{
    public const ulong IdentificationBlockId = 13;
    public const ulong ModuleBlockId = 8;
    public const ulong StringCode = 1;
    public const ulong EpochCode = 2;
    private const ulong ModuleVersionCode = 1;
    private const ulong SourceFilenameCode = 16;

    public static ReadOnlySpan<byte> Magic => [0x42, 0x43, 0xC0, 0xDE];

    /// <summary>A stream whose identification block spells the producer in Char6 (as LLVM does when it can).</summary>
    public static byte[] WithChar6Producer(string producer, ulong epoch = 0)
    {
        var writer = new BitstreamWriter().Bytes(Magic).EnterBlock(IdentificationBlockId, 5);
        writer.DefineAbbrev(
            BitstreamWriter.AbbrevOperand.Literal(StringCode),
            BitstreamWriter.AbbrevOperand.Array(),
            BitstreamWriter.AbbrevOperand.Char6());
        writer.DefineAbbrev(BitstreamWriter.AbbrevOperand.Literal(EpochCode), BitstreamWriter.AbbrevOperand.VbrWidth(6));
        writer.AbbrevId(4).Vbr((ulong)producer.Length, 6);
        foreach (var character in producer)
        {
            writer.Char6(character);
        }

        writer.AbbrevId(5).Vbr(epoch, 6);
        return EndWithModule(writer.EndBlock());
    }

    /// <summary>A stream whose identification block holds the producer as unabbreviated records.</summary>
    public static byte[] WithUnabbreviatedProducer(string producer, ulong epoch = 0)
    {
        var writer = new BitstreamWriter().Bytes(Magic).EnterBlock(IdentificationBlockId, 3);
        writer.UnabbreviatedRecord(StringCode, [.. producer.Select(character => (ulong)character)]);
        writer.UnabbreviatedRecord(EpochCode, epoch);
        return EndWithModule(writer.EndBlock());
    }

    /// <summary>The usual module: a producer with characters outside Char6, so an 8-bit array.</summary>
    public static byte[] Module(string producer = "LLVM22.1.2-rust-1.95.0-stable")
    {
        var writer = new BitstreamWriter().Bytes(Magic).EnterBlock(IdentificationBlockId, 5);
        writer.DefineAbbrev(
            BitstreamWriter.AbbrevOperand.Literal(StringCode),
            BitstreamWriter.AbbrevOperand.Array(),
            BitstreamWriter.AbbrevOperand.FixedWidth(8));
        writer.AbbrevId(4).Vbr((ulong)producer.Length, 6);
        foreach (var character in producer)
        {
            writer.Fixed(character, 8);
        }

        return EndWithModule(writer.EndBlock());
    }

    /// <summary>A stream from before identification blocks existed: the module block comes first.</summary>
    public static byte[] WithoutIdentification() =>
        EndWithModule(new BitstreamWriter().Bytes(Magic));

    /// <summary>Bitcode in a wrapper header (magic, version 0, offset, size, cputype), with padding after it.</summary>
    public static byte[] Wrap(byte[] bitcode, int offset, int trailing)
    {
        var wrapped = new byte[offset + bitcode.Length + trailing];
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped, 0x0B17C0DE);
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(4), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(8), (uint)offset);
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(12), (uint)bitcode.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(16), 0x01000007);
        bitcode.CopyTo(wrapped, offset);
        return wrapped;
    }

    // A module block with a version and a source file name record: some words, so that cutting
    // the stream short leaves a visibly incomplete block.
    private static byte[] EndWithModule(BitstreamWriter writer) =>
        writer.EnterBlock(ModuleBlockId, 3)
            .UnabbreviatedRecord(ModuleVersionCode, 2)
            .UnabbreviatedRecord(SourceFilenameCode, [.. "src/lib.rs"u8.ToArray().Select(character => (ulong)character)])
            .EndBlock()
            .ToArray();
}
