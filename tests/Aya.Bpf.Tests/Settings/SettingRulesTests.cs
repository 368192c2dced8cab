using Aya.Bpf.Tasks.Settings;

namespace Aya.Bpf.Tests.Settings;

/// <summary>Each rule on values it must take and values it must refuse, with what it tells the user to use.</summary>
[TestClass]
public sealed class SettingRulesTests
{
    [TestMethod]
    [DataRow("bpfel", null)]
    [DataRow("bpfeb", null)]
    [DataRow("foo", "use bpfel (little-endian) or bpfeb (big-endian)")]
    [DataRow("BPFEL", "use bpfel")]
    [DataRow("bpfel-unknown-none", "use bpfel")]
    public void Target(string value, string? advice) => AssertRule(SettingRules.Target(value), advice);

    [TestMethod]
    [DataRow("0", null)]
    [DataRow("3", null)]
    [DataRow("7", "use 0, 1, 2 (the default) or 3")]
    [DataRow("-1", "use 0, 1, 2")]
    [DataRow("s", "use 0, 1, 2")]
    public void OptimizationLevel(string value, string? advice) => AssertRule(SettingRules.OptimizationLevel(value), advice);

    [TestMethod]
    [DataRow("6.1", null)]
    [DataRow("5.15.120", null)]
    [DataRow("4.18", null)]
    [DataRow("4.17", "first kernel with BTF (4.18)")]
    [DataRow("3.0", "first kernel with BTF (4.18)")]
    [DataRow("6", "use major.minor or major.minor.patch")]
    [DataRow("6.1.0.0", "use major.minor or major.minor.patch")]
    [DataRow("+6.1", "use major.minor")]
    public void KernelBaseline(string value, string? advice) => AssertRule(SettingRules.KernelBaseline(value), advice);

    [TestMethod]
    [DataRow("v3", null)]
    [DataRow("generic", null)]
    [DataRow("v9", null)]
    [DataRow("", "use generic, v1, v2, v3 (the default) or v4")]
    [DataRow("v3 ", "is not a CPU name")]
    [DataRow("v3,+alu32", "is not a CPU name")]
    public void Cpu_ShapeOnly_TheBackendJudgesTheName(string value, string? advice) => AssertRule(SettingRules.Cpu(value), advice);

    [TestMethod]
    [DataRow("", null)]
    [DataRow("+alu32", null)]
    [DataRow("+alu32,-dwarfris", null)]
    [DataRow("+bogus", null)]
    [DataRow("alu32", "names with + or -")]
    [DataRow("+alu32,", "names with + or -")]
    [DataRow("+alu32 +dwarfris", "names with + or -")]
    public void CpuFeatures(string value, string? advice) => AssertRule(SettingRules.CpuFeatures(value), advice);

    [TestMethod]
    [DataRow("xdp.bpf.o", null)]
    [DataRow("xdp", null)]
    [DataRow(" ", "is empty")]
    [DataRow("", "is empty")]
    [DataRow(" xdp.bpf.o", "starts or ends with a space")]
    [DataRow("sub/xdp.bpf.o", "without folders")]
    [DataRow("..", "without folders")]
    public void ObjectName(string value, string? advice) => AssertRule(SettingRules.ObjectName(value), advice);

    [TestMethod]
    [DataRow("auto", null)]
    [DataRow(" Host ", null)]
    [DataRow("bpf", null)]
    [DataRow("cross", "is not bpf, host or auto")]
    public void RustBuild_ReadAsMsBuildReadsASwitch(string value, string? advice) => AssertRule(SettingRules.RustBuild(value), advice);

    [TestMethod]
    [DataRow("true", null)]
    [DataRow("FALSE", null)]
    [DataRow("profile", null)]
    [DataRow("yes", "is not true, false or profile")]
    public void ProfileCheck(string value, string? advice) => AssertRule(SettingRules.ProfileCheck(value), advice);

    [TestMethod]
    [DataRow("true", null)]
    [DataRow("False", null)]
    [DataRow("1", "is not true or false")]
    public void Switch(string value, string? advice) => AssertRule(SettingRules.Switch(value), advice);

    private static void AssertRule(string? problem, string? advice)
    {
        if (advice is null)
            Assert.IsNull(problem, $"refused: {problem}");
        else
            StringAssert.Contains(problem ?? "(accepted)", advice);
    }
}
