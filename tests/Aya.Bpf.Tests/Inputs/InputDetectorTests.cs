using System.Text;
using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Tests.Inputs;

[TestClass]
public sealed class InputDetectorTests
{
    [TestMethod]
    [DataRow(new byte[] { 0x42, 0x43, 0xC0, 0xDE, 0x35, 0x14 }, nameof(InputKind.RawBitcode))]
    [DataRow(new byte[] { 0xDE, 0xC0, 0x17, 0x0B, 0, 0, 0, 0 }, nameof(InputKind.BitcodeWrapper))]
    [DataRow(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1 }, nameof(InputKind.Elf))]
    [DataRow(new byte[] { 0x21, 0x3C, 0x61, 0x72, 0x63, 0x68, 0x3E, 0x0A }, nameof(InputKind.Archive))]
    [DataRow(new byte[] { }, nameof(InputKind.Empty))]
    [DataRow(new byte[] { 0x42, 0x43, 0xC0 }, nameof(InputKind.Unknown))]
    [DataRow(new byte[] { 0x7F, 0x45, 0x4C }, nameof(InputKind.Unknown))]
    [DataRow(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2 }, nameof(InputKind.Unknown))]
    // A binary that happens to begin with an IR sigil is not text.
    [DataRow(new byte[] { 0x25, 0x61, 0x00, 0x01 }, nameof(InputKind.Unknown))]
    public void DetectsKindFromMagic(byte[] head, string expectedKind) =>
        Assert.AreEqual(Enum.Parse<InputKind>(expectedKind), InputDetector.Detect(head));

    [TestMethod]
    [DataRow("; ModuleID = 'x.c'\nsource_filename = \"x.c\"\n")]
    [DataRow("source_filename = \"x.c\"\n")]
    [DataRow("  \n\ttarget datalayout = \"e-m:e-p:64:64-i64:64-i128:128-n32:64-S128\"\n")]
    [DataRow("; a leading comment\n; another one\ndefine i32 @f() {\n  ret i32 0\n}\n")]
    [DataRow("declare void @g()\n")]
    [DataRow("@LICENSE = global [4 x i8] c\"GPL\\00\"\n")]
    [DataRow("%struct.S = type { i32 }\n")]
    [DataRow("\uFEFF; ModuleID = 'bom.ll'\n")]
    public void DetectsTextIr(string text) =>
        Assert.AreEqual(InputKind.TextIr, InputDetector.Detect(Encoding.UTF8.GetBytes(text)));

    [TestMethod]
    [DataRow("hello world\n")]
    [DataRow("; only a comment\n")]
    [DataRow("   \n")]
    [DataRow("!<thin>\n")]
    [DataRow("% of people\n")]
    [DataRow("definitely not IR")]
    public void RejectsTextThatIsNotIr(string text) =>
        Assert.AreEqual(InputKind.Unknown, InputDetector.Detect(Encoding.UTF8.GetBytes(text)));
}
