using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Integration;

/// <summary>At `dotnet build`'s default verbosity, with output that is not a terminal, every slow phase says that it starts and how long it took.</summary>
[TestClass]
public sealed partial class BuildProgressTests
{
    [TestMethod]
    [TestCategory("Integration")]
    public void DefaultVerbosity_ShowsCargoAndEachLinkPhase()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        // The test's output is a pipe, not a terminal; -v:m is the default verbosity, given after the workspace's -v:n.
        BuildResult build = workspace.Build("xdp-pass/xdp-pass.bpfproj", "-v:m");

        Assert.IsTrue(build.Succeeded, build.Describe());
        string[] expected =
        [
            "xdp-pass: cargo build started (for BPF, profile release)",
            "xdp-pass.bpf.o: link...",
            "xdp-pass.bpf.o: optimise...",
            "xdp-pass.bpf.o: codegen...",
        ];
        foreach (string line in expected)
            Assert.Contains(line, build.Output, build.Describe());
        Assert.MatchesRegex(CargoFinished(), build.Output, build.Describe());
        Assert.MatchesRegex(LinkFinished(), build.Output, build.Describe());
        Assert.DoesNotContain("Exported symbols:", build.Output, "the linker's detail stays at normal verbosity");
    }

    [GeneratedRegex(@"xdp-pass: cargo build finished in \d+\.\d s")]
    private static partial Regex CargoFinished();

    [GeneratedRegex(@"xdp-pass\.bpf\.o: linked in \d+\.\d s")]
    private static partial Regex LinkFinished();
}
