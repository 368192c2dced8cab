using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class MapsSectionTests
{
    /// <summary>A BTF-way map as Rust writes it (an immutable static) beside a writable one: one section for both after.</summary>
    [TestMethod]
    public void MakesEveryMapWritableAndLeavesOtherConstantsAlone()
    {
        ToolchainLlvm.EnsureLoaded();
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            target triple = "bpfel"
            @FRAMES = constant { ptr, ptr, ptr, ptr, ptr } zeroinitializer, section ".maps", align 8
            @COUNTS = global { ptr, ptr, ptr, ptr } zeroinitializer, section ".maps", align 8
            @CONFIG = constant i32 7, section ".rodata", align 4
            """);

        Assert.AreEqual(1, MapsSection.Unify(module));

        var constants = module.Variables.ToDictionary(v => v.Name, v => v.IsConstant);
        CollectionAssert.AreEquivalent(new Dictionary<string, bool> { ["FRAMES"] = false, ["COUNTS"] = false, ["CONFIG"] = true }, constants);
    }
}
