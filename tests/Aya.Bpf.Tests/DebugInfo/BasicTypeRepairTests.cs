using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class BasicTypeRepairTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void RustCharBecomesA32BitUnsignedIntegerNamedChar()
    {
        var (run, memberType) = RepairMemberOfType("""!DIBasicType(name: "char", size: 32, encoding: DW_ATE_UTF)""", 32);

        Assert.AreEqual("""!DIBasicType(name: "char", size: 32, encoding: DW_ATE_unsigned)""", run.After.Node(memberType));
        Assert.AreEqual(1, run.Result.BasicTypesReplaced);
    }

    [TestMethod]
    public void UnitBecomesAnEmptyStructNamedUnit()
    {
        var (run, memberType) = RepairMemberOfType("""!DIBasicType(name: "()", encoding: DW_ATE_unsigned)""", 0);

        Assert.AreEqual("DW_TAG_structure_type", run.After.Field(memberType, "tag"));
        Assert.AreEqual("unit", run.After.Field(memberType, "name"));
        Assert.IsNull(run.After.Field(memberType, "size"));
        Assert.AreEqual(1, run.Result.BasicTypesReplaced);
    }

    [TestMethod]
    public void IntegerTypesAreLeftAlone()
    {
        var run = RepairRun.Of(Module("!20", $"""
            {Struct("!20", "S", 32, "!21")}
            {Member("!21", "n", "!20", U32, 32, 0)}
            """));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.BasicTypesReplaced);
    }

    /// <summary>Repairs a struct <c>S</c> whose one member has type <paramref name="type"/>; returns the member's type after.</summary>
    private static (RepairRun Run, string MemberType) RepairMemberOfType(string type, int sizeInBits)
    {
        var run = RepairRun.Of(Module("!20", $"""
            {Struct("!20", "S", sizeInBits, "!21")}
            {Member("!21", "m", "!20", "!22", sizeInBits, 0)}
            !22 = {type}
            """));
        var meta = run.After;
        var member = Assert.ContainsSingle(meta.Tuple(meta.Follow(meta.Find("!DICompositeType(", "S"), "elements")));
        return (run, meta.Follow(member, "baseType"));
    }
}
