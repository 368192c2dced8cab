using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class MemoryBuiltinSourceTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    /// <summary>Each definition is valid IR for this LLVM, defines its function with debug info, and nothing else.</summary>
    [TestMethod]
    [DataRow("memcpy")]
    [DataRow("memmove")]
    [DataRow("memset")]
    [DataRow("memcmp")]
    [DataRow("bcmp")]
    public void EachDefinitionIsValidIrWithDebugInfo(string name)
    {
        using var context = new LlvmContext();

        using var module = RepairRun.Parse(context, MemoryBuiltinSource.Module(name));

        var function = module.Functions.Single(f => !f.IsDeclaration);
        Assert.AreEqual(name, function.Name);
        Assert.IsFalse(function.Subprogram(context).IsNull, "a subprogram, for func_info and line_info");
    }

    [TestMethod]
    public void AFunctionWithoutADefinitionIsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => MemoryBuiltinSource.Module("strlen"));
}
