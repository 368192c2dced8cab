using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class NameRepairTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void RustNamesBecomeIdentifiersAndPointersLoseTheirNames()
    {
        var run = RepairRun.Of(Module("!20, !22, !23", name: "identity<u8>", nodes: $"""
            {Struct("!20", "Wrapper<u8>", 8, "!21", line: 7)}
            {Member("!21", "a<b>", "!20", U8, 8, 0)}
            !22 = !DIDerivedType(tag: DW_TAG_pointer_type, name: "&u8", baseType: {U8}, size: 64, align: 64, dwarfAddressSpace: 0)
            {Struct("!23", "Inner", 8, "!24")}
            {Member("!24", "x", "!23", U8, 8, 0)}
            """));

        var meta = run.After;
        var wrapper = meta.Find("!DICompositeType(", "Wrapper_u8");
        CollectionAssert.AreEqual(new[] { "a_b" }, meta.NamesIn(meta.Follow(wrapper, "elements")).ToArray());
        meta.Find("!DICompositeType(", "Inner");
        meta.Find("!DISubprogram(", "identity_u8");
        Assert.IsNull(meta.Field(meta.Single("!DIDerivedType(tag: DW_TAG_pointer_type"), "name"));
        Assert.AreEqual(3, run.Result.NamesSanitized);
        Assert.AreEqual(1, run.Result.PointerNamesRemoved);
    }

    [TestMethod]
    public void SanitisedTypesAndFunctionsRememberTheirRustNameAndSource()
    {
        var run = RepairRun.Of(OneStruct("Wrapper<u8>"));

        Assert.AreEqual(new DebugInfoOrigin("Wrapper<u8>", SourceFile, 12), run.Result.Origins.Find("Wrapper_u8"));
        Assert.AreEqual(new DebugInfoOrigin("prog", SourceFile, 1), run.Result.Origins.Find("prog"));
    }

    [TestMethod]
    public void ValidNamesAndAnonymousPointersAreLeftAlone()
    {
        var run = RepairRun.Of(Module("!20, !22", name: "identity", nodes: $"""
            {Struct("!20", "Inner", 8, "!21")}
            {Member("!21", "a_b", "!20", U8, 8, 0)}
            !22 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: {U8}, size: 64, align: 64, dwarfAddressSpace: 0)
            """));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.NamesSanitized);
        Assert.AreEqual(0, run.Result.PointerNamesRemoved);
    }
}
