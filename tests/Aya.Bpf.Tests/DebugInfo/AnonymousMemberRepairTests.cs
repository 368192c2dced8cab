using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Kernel;
using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class AnonymousMemberRepairTests
{
    private const string UnionType = "!30";

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void ABindingsAnonMemberOfUnionTypeLosesItsName()
    {
        var run = RepairRun.Of(StructWithMember("__anon_0", UnionType));

        var meta = run.After;
        var elements = meta.Tuple(meta.Follow(meta.Find("!DICompositeType(", "S"), "elements"));
        Assert.IsNull(meta.Field(elements[0], "name"));
        Assert.AreEqual("S__anon_0", meta.Field(meta.Follow(elements[0], "baseType"), "name"), "the union keeps its own name");
        Assert.AreEqual(1, run.Result.MembersMadeAnonymous);
        StringAssert.Contains(run.Result.ToString(), "1 __anon_N members made anonymous");
    }

    [TestMethod]
    public void InBtfTheMemberIsAnonymousAndTheUnionsMembersAreFoundThroughIt()
    {
        var elf = BpfObject.Compile(StructWithMember("__anon_0", UnionType), repair: true);

        var (btf, _) = BpfObject.ReadBtf(elf);
        var owner = (BtfCompositeType)btf.TypeById(BpfObject.StructId(btf, "S"))!;
        Assert.AreEqual(0u, owner.Members[0].NameOffset);
        // As libbpf matches a CO-RE access: a named member is looked for through the anonymous ones.
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, NamedMembersThroughAnonymous(btf, owner).ToArray());
        var violations = BpfObject.Validate(elf);
        Assert.IsEmpty(violations, string.Join(" | ", violations));
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void TheKernelAcceptsAnAnonymousMemberOfANamedUnion()
    {
        RequiredTool.BpfPrivileges();
        var elf = BpfObject.Compile(StructWithMember("__anon_0", UnionType), repair: true);
        Assert.IsTrue(BtfSections.TryExtract(elf, out var btf, out _) && btf is not null, "the object has no .BTF section");

        var kernel = KernelBtfLoader.Load(btf);

        Assert.IsTrue(kernel.Accepted, $"errno {kernel.Errno}\n{kernel.Log}");
    }

    [TestMethod]
    [DataRow("__anon_0", U32, DisplayName = "__anon_0 of type u32")]
    [DataRow("__anon_x", UnionType, DisplayName = "__anon_x of union type")]
    [DataRow("__anon_", UnionType, DisplayName = "__anon_ of union type")]
    public void AMemberTheBindingsDidNotNameKeepsItsName(string name, string type)
    {
        var run = RepairRun.Of(StructWithMember(name, type));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.MembersMadeAnonymous);
    }

    /// <summary>Struct <c>S</c> (!20) whose first member is <paramref name="name"/> of <paramref name="type"/>, then <c>c: u32</c>; union <c>S__anon_0 { a: u32, b: u8 }</c> is !30.</summary>
    private static string StructWithMember(string name, string type) => Module("!20", $"""
        {Struct("!20", "S", 64, "!21, !22")}
        {Member("!21", name, "!20", type, 32, 0)}
        {Member("!22", "c", "!20", U32, 32, 32)}
        {Union(UnionType, "S__anon_0", 32, "!31, !32")}
        {Member("!31", "a", UnionType, U32, 32, 0)}
        {Member("!32", "b", UnionType, U8, 8, 0)}
        """);

    private static IEnumerable<string> NamedMembersThroughAnonymous(BtfData btf, BtfCompositeType type)
    {
        foreach (var member in type.Members)
        {
            if (!string.IsNullOrEmpty(member.Name))
                yield return member.Name;
            else if (btf.TypeById(member.Type) is BtfCompositeType inner)
            {
                foreach (var name in NamedMembersThroughAnonymous(btf, inner))
                    yield return name;
            }
        }
    }
}
