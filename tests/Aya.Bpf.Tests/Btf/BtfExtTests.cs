using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfExtTests
{
    [TestMethod]
    public void ReadsFuncAndLineInfoPerSection()
    {
        var (btf, section, func) = TwoFunctions();

        Assert.IsTrue(BtfExtReader.TryRead(BtfExtBuilder.Build(section, [(0, func), (5, func)], [0, 5]), btf.Strings, out var ext, out var error), error?.ToString());

        Assert.AreEqual(8u, ext!.FuncInfoRecordSize);
        var funcs = Assert.ContainsSingle(ext.FuncInfo);
        Assert.AreEqual("xdp", funcs.SectionName);
        Assert.AreEqual(new BtfFuncInfo(40, func), funcs.Records[1]);
        var line = ext.LineInfo[0].Records[1];
        Assert.AreEqual(7u, line.Line);
        Assert.AreEqual(3u, line.Column);
        Assert.IsEmpty(BtfExtValidator.Validate(ext, btf));
    }

    [TestMethod]
    public void RefusesRecordsPastTheEnd()
    {
        var (btf, section, func) = TwoFunctions();
        byte[] blob = BtfExtBuilder.Build(section, [(0, func)], [0]);
        blob[32 + 8] = 50;

        Assert.IsFalse(BtfExtReader.TryRead(blob, btf.Strings, out _, out var error));

        Assert.AreEqual(44, error!.ByteOffset);
        StringAssert.Contains(error.Message, "declares 50 records");
    }

    [TestMethod]
    public void RefusesUnknownSectionName()
    {
        var (btf, _, func) = TwoFunctions();

        Assert.IsFalse(BtfExtReader.TryRead(BtfExtBuilder.Build(999, [(0, func)], [0]), btf.Strings, out _, out var error));

        StringAssert.Contains(error!.Message, "section name offset 999");
    }

    [TestMethod]
    public void FirstFuncInfoMustBeAtInstructionZero()
    {
        Assert.AreEqual("xdp: nonzero insn_off 2 for the first func info record", Single([(2, 0)], [2]));
    }

    [TestMethod]
    public void FuncInfoMustIncreaseStrictly()
    {
        Assert.AreEqual("xdp: same or smaller insn offset (0) than previous func info record (0)", Single([(0, 0), (0, 0)], [0]));
    }

    [TestMethod]
    public void FuncInfoMustPointAtAFunc()
    {
        Assert.AreEqual("xdp: invalid type id 1", Single([(0, 1)], [0]));
    }

    [TestMethod]
    public void EachFunctionNeedsLineInfoAtItsStart()
    {
        Assert.AreEqual("xdp: missing bpf_line_info for func#1", Single([(0, 0), (5, 0)], [0, 6]));
    }

    /// <summary>The one violation for these records; type 0 in a record stands for the test's FUNC.</summary>
    private static string Single((uint Insn, uint Type)[] funcs, uint[] lines)
    {
        var (btf, section, func) = TwoFunctions();
        var records = funcs.Select(f => (f.Insn, f.Type == 0 ? func : f.Type)).ToArray();
        Assert.IsTrue(BtfExtReader.TryRead(BtfExtBuilder.Build(section, records, lines), btf.Strings, out var ext, out var error), error?.ToString());
        return Assert.ContainsSingle(BtfExtValidator.Validate(ext!, btf)).ToString();
    }

    private static (BtfData Btf, uint Section, uint Func) TwoFunctions()
    {
        var b = new BtfBuilder();
        uint i = b.Int();
        uint func = b.Func("prog", b.Proto(i, ("ctx", i)));
        uint section = b.Str("xdp");
        return (b.Read(), section, func);
    }
}
