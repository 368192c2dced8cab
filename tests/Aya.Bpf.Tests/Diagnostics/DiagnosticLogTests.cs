using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Diagnostics;

[TestClass]
public sealed class DiagnosticLogTests
{
    /// <summary>One LLVM error reported for every inlined copy: printed once, and its count said once at the end.</summary>
    [TestMethod]
    public void AnIdenticalDiagnostic_IsPrintedOnce_AndItsCountSaidAtTheEnd()
    {
        var output = new StringWriter();
        var log = new DiagnosticLog(output);
        for (var i = 0; i < 9866; i++)
            log.Error(DiagnosticCodes.StackLimitExceeded, "stack limit exceeded", "/p/src/main.rs");
        log.Error(DiagnosticCodes.StackLimitExceeded, "another function's stack", "/p/src/main.rs");

        log.SummariseRepeats();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(
            new[]
            {
                "/p/src/main.rs : error BPF2019: stack limit exceeded",
                "/p/src/main.rs : error BPF2019: another function's stack",
                "progress: BPF2019 \"stack limit exceeded\" was reported 9866 times, shown once",
            },
            lines);
        Assert.HasCount(9867, log.Reported, "every report is kept for the stages that count errors");
    }
}
