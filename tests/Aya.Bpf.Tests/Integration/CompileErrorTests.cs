using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Integration;

/// <summary>A Rust type error must fail the build and surface as an MSBuild error at its source position.</summary>
[TestClass]
public sealed partial class CompileErrorTests
{
    private static readonly FixtureBuild Build = new("compile-error/compile-error.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => Build.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_Fails()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Result();

        Assert.IsFalse(build.TimedOut, build.Describe());
        Assert.AreNotEqual(0, build.ExitCode, $"The build should have failed. {build.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void TypeError_IsReportedInMSBuildFormatAtItsLine()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Result();

        Assert.MatchesRegex(E0308AtFixtureLine(), build.Output, build.Describe());
    }

    // `let verdict: u32 = "no";` sits at line 17, column 24 of tests/fixtures/compile-error/src/main.rs.
    // The path before it may be absolute; an end position may follow the start.
    [GeneratedRegex(@"src[/\\]main\.rs\(17,24(,\d+,\d+)?\): error E0308")]
    private static partial Regex E0308AtFixtureLine();
}
