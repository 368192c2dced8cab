using Aya.Bpf.Linker.SourcePaths;

namespace Aya.Bpf.Tests.SourcePaths;

[TestClass]
public sealed class CrateHashesTests
{
    [TestMethod]
    [DataRow("_ZN8aya_ebpf7helpers12bpf_ktime_ns17h0123456789abcdefE", "_ZN8aya_ebpf7helpers12bpf_ktime_ns17h0000000000000000E")]
    [DataRow("xdp_pass", "xdp_pass")]
    [DataRow("_RNvCs_4core3foo", "_RNvCs_4core3foo")]
    public void ZeroesLegacyHashesInLinkageNames_KeepingTheirLength(string name, string expected) =>
        Assert.AreEqual(expected, CrateHashes.ZeroInSymbol(name));

    /// <summary>The same crate's disambiguator in two checkouts: 10 and 11 base-62 digits. Neither name survives.</summary>
    [TestMethod]
    [DataRow("_RNvNtCs1vh6svqXDK_12aya_app_ebpf6packet4ipv4")]
    [DataRow("_RNvNtCs1vh6svqXDKS_12aya_app_ebpf6packet4ipv4")]
    [DataRow("_RINvNtCs1vh6svqXDKS_12aya_app_ebpf6packet6ptr_attECsdjK54zx33ty_7aya_app")]
    public void DropsV0LinkageNamesWithCrateDisambiguators(string name) =>
        Assert.AreEqual("", CrateHashes.ZeroInSymbol(name));

    [TestMethod]
    [DataRow("../aya/aya-ebpf/src/lib.rs/@/aya_ebpf.425c8a705390c93e-cgu.0", "../aya/aya-ebpf/src/lib.rs/@/aya_ebpf.0000000000000000-cgu.0")]
    [DataRow("src/main.rs/@/xdp_pass.9b20cb65d486b94e-cgu.12", "src/main.rs/@/xdp_pass.0000000000000000-cgu.12")]
    [DataRow("../aya/aya-ebpf/src/lib.rs/@/aya_ebpf.af4cd9dcdbc9db0-cgu.0", "../aya/aya-ebpf/src/lib.rs/@/aya_ebpf.0000000000000000-cgu.0")]
    [DataRow("src/main.rs", "src/main.rs")]
    public void ZeroesTheHashInACodegenUnitName(string name, string expected) =>
        Assert.AreEqual(expected, CrateHashes.ZeroInUnitName(name));
}
