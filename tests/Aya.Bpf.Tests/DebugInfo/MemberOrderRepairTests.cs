using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class MemberOrderRepairTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void StructMembersArePutInOffsetOrder()
    {
        var run = RepairRun.Of(Module("!20", StructS(("c", 64), ("a", 0), ("b", 32))));

        var meta = run.After;
        var elements = meta.Follow(meta.Find("!DICompositeType(", "S"), "elements");
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, meta.NamesIn(elements).ToArray());
        Assert.AreEqual(1, run.Result.StructsReordered);
    }

    [TestMethod]
    public void OrderedStructsAndUnionsAreLeftAlone()
    {
        var run = RepairRun.Of(Module("!20, !30", $"""
            {StructS(("a", 0), ("b", 32))}
            {UnionU(("x", 32), ("y", 0))}
            """));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.StructsReordered);
    }

    /// <summary>Struct <c>S</c>, node !20, with u32 members listed in the given order.</summary>
    private static string StructS(params (string Name, int Offset)[] members) =>
        WithU32Members(20, (id, elements) => Struct(id, "S", 96, elements), members);

    /// <summary>Union <c>U</c>, node !30, with u32 members listed in the given order.</summary>
    private static string UnionU(params (string Name, int Offset)[] members) =>
        WithU32Members(30, (id, elements) => Union(id, "U", 32, elements), members);

    /// <summary>The composite node <c>!first</c>, made from its owner id and element list, followed by its member nodes.</summary>
    private static string WithU32Members(int first, Func<string, string, string> composite, (string Name, int Offset)[] members)
    {
        var owner = $"!{first}";
        var ids = members.Select((_, i) => $"!{first + 1 + i}").ToList();
        var lines = members.Select((member, i) => Member(ids[i], member.Name, owner, U32, 32, member.Offset));
        return string.Join('\n', lines.Prepend(composite(owner, string.Join(", ", ids))));
    }
}
