using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class HostBuildAdviceTests
{
    [TestMethod]
    [DataRow("invalid register `r0`: unknown register")]
    [DataRow("invalid register class `wreg`: unknown register class")]
    public void SaysHowBpfAssemblyTakesItsOperandsInAHostBuild(string message)
    {
        var advised = HostBuildAdvice.Add(Error(message));

        StringAssert.StartsWith(advised.Message, message);
        Assert.Contains("through `reg` operands", advised.Message);
        Assert.Contains("BpfRustBuild=bpf", advised.Message);
    }

    [TestMethod]
    public void LeavesOtherDiagnosticsAlone()
    {
        var error = Error("mismatched types");
        var warning = Error("invalid register `r0`: unknown register") with { Severity = DiagnosticSeverity.Warning };

        Assert.AreEqual(error, HostBuildAdvice.Add(error));
        Assert.AreEqual(warning, HostBuildAdvice.Add(warning));
    }

    private static CargoDiagnostic Error(string message) =>
        new(DiagnosticSeverity.Error, "rustc", message, "/src/main.rs", 7, 5, 7, 12, null);
}
