using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class LibbpfOpenChecksTests
{
    [TestMethod]
    public void GlobalVarWithItsSymbolPasses()
    {
        var btf = DataSection(BtfVarLinkage.GlobalAllocated);

        Assert.IsEmpty(LibbpfOpenChecks.Check(btf, new Dictionary<string, uint> { ["COUNTER"] = 0 }));
    }

    [TestMethod]
    public void GlobalVarWithoutItsSymbolFailsNamingVarAndSection()
    {
        var btf = DataSection(BtfVarLinkage.GlobalAllocated);

        var violation = LibbpfOpenChecks.Check(btf, new Dictionary<string, uint> { ["_RNvCs1_4test7COUNTER"] = 0 }).Single();

        Assert.AreEqual("COUNTER", violation.TypeName);
        Assert.AreEqual(BtfKind.Var, violation.Kind);
        StringAssert.Contains(violation.Message, "failed to find symbol for variable 'COUNTER' in section '.data'");
    }

    [TestMethod]
    public void StaticVarNeedsNoSymbol()
    {
        var btf = DataSection(BtfVarLinkage.Static);

        Assert.IsEmpty(LibbpfOpenChecks.Check(btf, new Dictionary<string, uint>()));
    }

    private static BtfData DataSection(BtfVarLinkage linkage)
    {
        var builder = new BtfBuilder();
        var u32 = builder.Int("u32", 4, 32, 0);
        var variable = builder.Var("COUNTER", u32, linkage);
        builder.Datasec(".data", 4, (variable, 0, 4));
        return builder.Read();
    }
}
