using Aya.Bpf.Tasks;
using Aya.Bpf.Tasks.Link;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class ReplayLinkWarningsTests
{
    private const string Warning = "/src/p/src/main.rs(12,5) : warning BPF2017: the program can panic here: core::panicking::panic_const_add_overflow";

    [TestMethod]
    public void ReportsEachSavedLineAsTheWarningItIs()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("p.bpf.o.warnings", Warning + "\n");
        var engine = new RecordingBuildEngine();
        var task = new ReplayLinkWarnings { BuildEngine = engine, Files = [new Microsoft.Build.Utilities.TaskItem(file), new Microsoft.Build.Utilities.TaskItem(directory.Combine("missing.warnings"))] };

        Assert.IsTrue(task.Execute(), engine.Log);

        var warning = engine.Warnings.Single();
        Assert.AreEqual(("BPF2017", "/src/p/src/main.rs", 12, 5), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
    }

    [TestMethod]
    [DataRow(Warning, true)]
    [DataRow("Aya.Bpf.Linker : warning BPF4004: map name 'x' is cut", true)]
    [DataRow("Aya.Bpf.Linker : error BPF2007: a call to memset", false)]
    [DataRow("Exported symbols: LICENSE, xdp_pass", false)]
    public void TellsTheLinkersWarningsFromItsOtherLines(string line, bool isWarning) =>
        Assert.AreEqual(isWarning, LinkerOutputLine.IsWarning(line));

    [TestMethod]
    public void TellsProgressLines()
    {
        Assert.AreEqual("optimise...", LinkerOutputLine.Progress("progress: optimise..."));
        Assert.IsNull(LinkerOutputLine.Progress("Wrote /p/obj/p.bpf.o (100 bytes)"));
    }
}
