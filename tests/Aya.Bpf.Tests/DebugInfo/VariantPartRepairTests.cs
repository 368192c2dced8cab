using Aya.Bpf.Tests.Support;
using static Aya.Bpf.Tests.DebugInfo.DebugIr;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class VariantPartRepairTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void AnUnnamedDiscriminatorIsNamedDiscriminant()
    {
        var run = RepairRun.Of(Enum(discriminatorName: null));

        var meta = run.After;
        var discriminator = meta.Follow(meta.Single("!DICompositeType(tag: DW_TAG_variant_part"), "discriminator");
        Assert.AreEqual("discriminant", meta.Field(discriminator, "name"));
        Assert.AreEqual(1, run.Result.DiscriminantsNamed);
    }

    [TestMethod]
    public void ANamedDiscriminatorKeepsItsName()
    {
        var run = RepairRun.Of(Enum(discriminatorName: "tag"));

        run.AssertUnchanged();
        Assert.AreEqual(0, run.Result.DiscriminantsNamed);
    }

    /// <summary>A Rust enum <c>E</c> as rustc describes it: a struct holding a variant part with a u8 discriminator.</summary>
    private static string Enum(string? discriminatorName)
    {
        var name = discriminatorName is null ? "" : $"name: \"{discriminatorName}\", ";
        return Module("!20", $$"""
            {{Struct("!20", "E", 64, "!21")}}
            !21 = !DICompositeType(tag: DW_TAG_variant_part, scope: !20, file: !1, size: 64, align: 32, elements: !{!22}, identifier: "E-variants", discriminator: !23)
            !22 = !DIDerivedType(tag: DW_TAG_member, name: "A", scope: !21, file: !1, baseType: {{U32}}, size: 32, align: 32, offset: 32, extraData: i8 0)
            !23 = !DIDerivedType(tag: DW_TAG_member, {{name}}scope: !20, file: !1, baseType: {{U8}}, size: 8, align: 8, flags: DIFlagArtificial)
            """);
    }
}
