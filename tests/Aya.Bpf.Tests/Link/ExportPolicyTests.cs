using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class ExportPolicyTests
{
    private static readonly ExportPolicy s_policy = new(["LICENSE", "xdp_pass"]);

    [TestMethod]
    [DataRow("xdp_pass", nameof(GlobalKind.Function), "xdp")]
    [DataRow("LICENSE", nameof(GlobalKind.Variable), "license")]
    [DataRow("memcpy", nameof(GlobalKind.Function), ".text")]
    [DataRow("bcmp", nameof(GlobalKind.Function), "")]
    [DataRow("c_entry", nameof(GlobalKind.Function), "tracepoint/syscalls/sys_enter_openat")]
    [DataRow("MY_MAP", nameof(GlobalKind.Variable), "maps")]
    [DataRow("MY_MAP", nameof(GlobalKind.Variable), "maps/counts")]
    [DataRow("btf_map", nameof(GlobalKind.Variable), ".maps")]
    [DataRow("_version", nameof(GlobalKind.Variable), "version")]
    public void KeepsEntryPointsLoaderSectionsListedSymbolsAndMemoryBuiltins(string name, string kind, string section) =>
        Assert.IsTrue(s_policy.IsExported(name, Enum.Parse<GlobalKind>(kind), section));

    [TestMethod]
    [DataRow("_ZN8minicore6answer17h0123456789abcdefE", nameof(GlobalKind.Function), "")]
    [DataRow("helper", nameof(GlobalKind.Function), ".text")]
    [DataRow("helper", nameof(GlobalKind.Function), ".text.helper")]
    [DataRow("COUNTER", nameof(GlobalKind.Variable), ".data")]
    [DataRow("CONFIG", nameof(GlobalKind.Variable), ".rodata")]
    [DataRow("xdp_alias", nameof(GlobalKind.Alias), "xdp")]
    public void InternalizesEverythingElse(string name, string kind, string section) =>
        Assert.IsFalse(s_policy.IsExported(name, Enum.Parse<GlobalKind>(kind), section));

    [TestMethod]
    public void LlvmReservedNamesAreRecognised()
    {
        Assert.IsTrue(ExportPolicy.IsLlvmReserved("llvm.used"));
        Assert.IsFalse(ExportPolicy.IsLlvmReserved("llvmish"));
    }
}
