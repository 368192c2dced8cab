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
        Assert.IsTrue(s_policy.IsExported(name, Enum.Parse<GlobalKind>(kind), section, Linkage.External));

    /// <summary>A Rust #[no_mangle] static or a C non-static global, in no section or a global data one: userspace finds it by name.</summary>
    [TestMethod]
    [DataRow("COUNTER", ".data", nameof(Linkage.External))]
    [DataRow("CONFIG", ".rodata", nameof(Linkage.External))]
    [DataRow("PACKETS_SEEN", ".bss", nameof(Linkage.External))]
    [DataRow("THRESHOLD", "", nameof(Linkage.External))]
    [DataRow("settings", ".rodata.settings", nameof(Linkage.External))]
    [DataRow("_Rate", ".bss", nameof(Linkage.External))]
    [DataRow("tentative", "", nameof(Linkage.Common))]
    public void KeepsGlobalsUserspaceFindsByName(string name, string section, string linkage) =>
        Assert.IsTrue(s_policy.IsExported(name, GlobalKind.Variable, section, Enum.Parse<Linkage>(linkage)));

    /// <summary>Rust's mangled statics, once-only definitions (rustc's gdb script marker) and other sections are the program's own.</summary>
    [TestMethod]
    [DataRow("_ZN4core3fmt5write17h0123456789abcdefE", ".rodata", nameof(Linkage.External))]
    [DataRow("_RNvCs1234_7program5TABLE", ".data", nameof(Linkage.External))]
    [DataRow("_R0NvCs1234_7program5TABLE", ".data", nameof(Linkage.External))]
    [DataRow("__rustc_debug_gdb_scripts_section__", ".debug_gdb_scripts", nameof(Linkage.LinkOnceOdr))]
    [DataRow("shared", "", nameof(Linkage.LinkOnceOdr))]
    [DataRow("NOTES", ".notes", nameof(Linkage.External))]
    [DataRow("datum", ".database", nameof(Linkage.External))]
    public void InternalizesOtherVariables(string name, string section, string linkage) =>
        Assert.IsFalse(s_policy.IsExported(name, GlobalKind.Variable, section, Enum.Parse<Linkage>(linkage)));

    [TestMethod]
    [DataRow("_ZN8minicore6answer17h0123456789abcdefE", nameof(GlobalKind.Function), "")]
    [DataRow("helper", nameof(GlobalKind.Function), ".text")]
    [DataRow("helper", nameof(GlobalKind.Function), ".text.helper")]
    [DataRow("xdp_alias", nameof(GlobalKind.Alias), "xdp")]
    public void InternalizesEverythingElse(string name, string kind, string section) =>
        Assert.IsFalse(s_policy.IsExported(name, Enum.Parse<GlobalKind>(kind), section, Linkage.External));

    [TestMethod]
    public void LlvmReservedNamesAreRecognised()
    {
        Assert.IsTrue(ExportPolicy.IsLlvmReserved("llvm.used"));
        Assert.IsFalse(ExportPolicy.IsLlvmReserved("llvmish"));
    }
}
