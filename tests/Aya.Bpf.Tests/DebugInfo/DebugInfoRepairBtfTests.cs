using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.DebugInfo;

/// <summary>The repair's purpose, end to end: LLVM's BPF backend makes BTF the kernel accepts from the repaired module.</summary>
[TestClass]
public sealed class DebugInfoRepairBtfTests
{
    private static readonly string s_module = DebugIr.OneStruct("Wrapper<u8>");

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void TheRepairedModuleGivesBtfTheKernelAccepts()
    {
        var elf = BpfObject.Compile(s_module, repair: true);

        var (btf, _) = BpfObject.ReadBtf(elf);
        BpfObject.StructId(btf, "Wrapper_u8");
        var violations = BpfObject.Validate(elf);
        Assert.IsEmpty(violations, string.Join(" | ", violations));
    }

    [TestMethod]
    public void WithoutTheRepairTheKernelWouldRefuseTheRustName()
    {
        var elf = BpfObject.Compile(s_module, repair: false);

        var violation = Assert.ContainsSingle(BpfObject.Validate(elf));
        Assert.AreEqual(BtfKind.Struct, violation.Kind);
        Assert.AreEqual("Wrapper<u8>", violation.TypeName);
        Assert.EndsWith("Invalid name", violation.Message);
    }
}
