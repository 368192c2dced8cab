using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class BitcodeProducerTests
{
    [TestMethod]
    [DataRow("LLVM14.0.6")]
    // Every Char6 character, so that each one's code is checked.
    [DataRow("LLVM3.9_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")]
    public void ReadsAChar6Producer(string producer)
    {
        var bitcode = TestBitcode.WithChar6Producer(producer, epoch: 0);

        Assert.AreEqual(new BitcodeIdentification(producer, 0), BitcodeProducer.TryReadIdentification(bitcode));
    }

    [TestMethod]
    public void ReadsAnUnabbreviatedProducer()
    {
        var bitcode = TestBitcode.WithUnabbreviatedProducer("LLVM22.1.2-rust-1.95.0-stable", epoch: 3);

        Assert.AreEqual(new BitcodeIdentification("LLVM22.1.2-rust-1.95.0-stable", 3), BitcodeProducer.TryReadIdentification(bitcode));
    }

    [TestMethod]
    public void ReadsAnEightBitArrayProducer() =>
        Assert.AreEqual("LLVM22.1.4-rust-1.97.0-nightly", BitcodeProducer.TryRead(TestBitcode.Module("LLVM22.1.4-rust-1.97.0-nightly")));

    [TestMethod]
    public void ReadsThroughABitcodeWrapper()
    {
        var module = TestBitcode.Module("LLVM19.1.7");
        var wrapped = new byte[20 + module.Length];
        wrapped[0] = 0xDE;
        wrapped[1] = 0xC0;
        wrapped[2] = 0x17;
        wrapped[3] = 0x0B;
        wrapped[8] = 20;
        BitConverter.TryWriteBytes(wrapped.AsSpan(12), module.Length);
        module.CopyTo(wrapped, 20);

        Assert.AreEqual("LLVM19.1.7", BitcodeProducer.TryRead(wrapped));
    }

    [TestMethod]
    public void OlderBitcodeWithoutIdentificationHasNoProducer() =>
        Assert.IsNull(BitcodeProducer.TryRead(TestBitcode.WithoutIdentification()));

    [TestMethod]
    public void NonBitcodeHasNoProducer() =>
        Assert.IsNull(BitcodeProducer.TryRead("!<arch>\nsomething"u8));

    [TestMethod]
    public void EveryPrefixGivesNullOrTheWholeAnswer()
    {
        const string Producer = "LLVM22.1.2-rust-1.95.0-stable";
        var bitcode = TestBitcode.Module(Producer);
        var identificationEnd = IdentificationBlockEnd(bitcode);

        for (var length = 0; length <= bitcode.Length; length++)
        {
            var expected = length >= identificationEnd ? Producer : null;
            Assert.AreEqual(expected, BitcodeProducer.TryRead(bitcode.AsSpan(0, length)), $"prefix of {length} bytes");
        }
    }

    [TestMethod]
    public void EveryFlippedBitGivesNullOrAString()
    {
        var bitcode = TestBitcode.WithChar6Producer("LLVM14.0.6");
        var identificationEnd = IdentificationBlockEnd(bitcode);
        var readable = 0;
        for (var bit = 32; bit < identificationEnd * 8; bit++)
        {
            var damaged = (byte[])bitcode.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            var producer = BitcodeProducer.TryRead(damaged);
            if (producer is not null)
            {
                // What survives must still be a string the block could hold.
                Assert.IsLessThanOrEqualTo(identificationEnd, producer.Length);
                readable++;
            }
        }

        // Damage to the producer's own characters leaves a readable (different) string.
        Assert.IsGreaterThan(0, readable);
    }

    [TestMethod]
    public void HugeLengthsAndEndlessVbrsAreRefused()
    {
        // An unabbreviated record claiming 2^35 operands.
        var hugeRecord = new BitstreamWriter().Bytes(TestBitcode.Magic).EnterBlock(TestBitcode.IdentificationBlockId, 3);
        hugeRecord.AbbrevId(3).Vbr(TestBitcode.StringCode, 6).Vbr(1UL << 35, 6);
        Assert.IsNull(BitcodeProducer.TryRead(hugeRecord.AlignTo32Bits().ToArray()));

        // A block whose length word points far beyond the data.
        byte[] beyondEnd = [0x42, 0x43, 0xC0, 0xDE, 0x35, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];
        Assert.IsNull(BitcodeProducer.TryRead(beyondEnd));

        // A VBR whose continuation bit never clears.
        byte[] endlessVbr = [0x42, 0x43, 0xC0, 0xDE, .. Enumerable.Repeat((byte)0xFF, 64)];
        Assert.IsNull(BitcodeProducer.TryRead(endlessVbr));
    }

    [TestMethod]
    public void RecordWithUndefinedAbbreviationIsRefused()
    {
        var writer = new BitstreamWriter().Bytes(TestBitcode.Magic).EnterBlock(TestBitcode.IdentificationBlockId, 3);
        writer.AbbrevId(5);

        Assert.IsNull(BitcodeProducer.TryRead(writer.EndBlock().ToArray()));
    }

    [TestMethod]
    [DataRow("LLVM22.1.2-rust-1.95.0-stable", "22.1.2")]
    [DataRow("LLVM22.1.4-rust-1.97.0-nightly", "22.1.4")]
    [DataRow("LLVM14.0.6", "14.0.6")]
    [DataRow("LLVM18.1.8git", "18.1.8")]
    [DataRow("LLVM 17.0", "17.0")]
    public void ParsesTheLlvmVersion(string producer, string expected) =>
        Assert.AreEqual(Version.Parse(expected), BitcodeProducer.TryParseLlvmVersion(producer));

    [TestMethod]
    [DataRow("APPLE_1_1500.3.9.4_0")]
    [DataRow("LLVM")]
    [DataRow("LLVM22")]
    [DataRow("rustc 1.95.0")]
    public void OtherProducersHaveNoLlvmVersion(string producer) =>
        Assert.IsNull(BitcodeProducer.TryParseLlvmVersion(producer));

    // The byte after the identification block: magic, block header word, length word, content.
    private static int IdentificationBlockEnd(byte[] bitcode) =>
        12 + (4 * BitConverter.ToInt32(bitcode, 8));
}
