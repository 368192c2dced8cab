using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Tests.Btf;
using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Emit;

[TestClass]
public sealed class StaticFuncPatchTests
{
    [TestMethod]
    [DataRow(false, DisplayName = "bpfel")]
    [DataRow(true, DisplayName = "bpfeb")]
    public void HelpersBecomeStaticAndEntryPointsStayGlobal(bool bigEndian)
    {
        var elf = ObjectWithFuncs(out _, bigEndian);

        var patched = StaticFuncPatch.Apply(elf, new HashSet<string> { "xdp_main" });

        Assert.AreEqual(1, patched);
        var linkage = FuncLinkages(elf);
        Assert.AreEqual(BtfFuncLinkage.Global, linkage["xdp_main"]);
        Assert.AreEqual(BtfFuncLinkage.Static, linkage["helper"]);
        Assert.AreEqual(BtfFuncLinkage.Static, linkage["already_static"]);
    }

    [TestMethod]
    public void EverythingElseInTheObjectIsUnchanged()
    {
        var elf = ObjectWithFuncs(out var btf);
        var before = (byte[])elf.Clone();

        StaticFuncPatch.Apply(elf, new HashSet<string> { "xdp_main" });

        var changed = Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]).ToList();
        Assert.HasCount(1, changed, "only the low byte of helper's info word (its vlen) may change");
        Assert.IsTrue(BtfSections.TryExtract(elf, out var patchedBtf, out _));
        Assert.AreEqual(btf.Length, patchedBtf!.Length);
    }

    [TestMethod]
    public void ObjectWithoutBtfIsLeftAlone()
    {
        var elf = TestElf.WithSections((".text", [0x95, 0, 0, 0, 0, 0, 0, 0]));
        var before = (byte[])elf.Clone();

        Assert.AreEqual(0, StaticFuncPatch.Apply(elf, new HashSet<string>()));
        CollectionAssert.AreEqual(before, elf);
    }

    private static byte[] ObjectWithFuncs(out byte[] btf, bool bigEndian = false)
    {
        var builder = new BtfBuilder(bigEndian);
        var u32 = builder.Int("u32", 4, 32, 0);
        var proto = builder.Proto(u32, ("ctx", u32));
        builder.Func("xdp_main", proto);
        builder.Func("helper", proto);
        builder.Func("already_static", proto, BtfFuncLinkage.Static);
        btf = builder.Build();
        return TestElf.WithSections((".text", [0x95, 0, 0, 0, 0, 0, 0, 0]), (BtfSections.BtfName, btf));
    }

    private static Dictionary<string, BtfFuncLinkage> FuncLinkages(byte[] elf)
    {
        Assert.IsTrue(BtfSections.TryExtract(elf, out var btfBytes, out _));
        Assert.IsTrue(BtfReader.TryRead(btfBytes, out var btf, out var error), error?.ToString());
        return btf!.Types.OfType<BtfFuncType>().ToDictionary(f => f.Name!, f => f.Linkage);
    }
}
