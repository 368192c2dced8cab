namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// xdp-pass built as a plain `dotnet build` does, in Debug (cargo's dev profile): it links, loads
/// and passes every packet as its Release twin, <see cref="XdpPassTests"/>, does.
/// </summary>
[TestClass]
public sealed class XdpPassDebugTests : XdpFixtureTests
{
    private static readonly FixtureBuild Fixture = FixtureBuild.Plain("xdp-pass/xdp-pass.bpfproj");

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "xdp-pass/bin/Debug/xdp-pass.bpf.o";

    protected override string ProgramName => "xdp_pass";

    // XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>The build is a Debug one: cargo's dev profile, the object in bin/Debug and none in bin/Release.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void PlainBuild_IsDebug_WithCargosDevProfile()
    {
        RequireBuildTools();

        BuildResult build = Build.Succeeded();

        Assert.Contains("xdp-pass: cargo build started (for BPF, profile dev)", build.Output, build.Describe());
        Assert.IsFalse(Directory.Exists(Build.Workspace.PathOf("xdp-pass/bin/Release")), build.Describe());
    }
}
