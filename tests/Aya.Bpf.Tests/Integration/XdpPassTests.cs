namespace Aya.Bpf.Tests.Integration;

/// <summary>The plain XDP fixture: builds, links with the expected phases, and passes every packet.</summary>
[TestClass]
public sealed class XdpPassTests : XdpFixtureTests
{
    private static readonly FixtureBuild Fixture = new("xdp-pass/xdp-pass.bpfproj");

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "xdp-pass/bin/Release/xdp-pass.bpf.o";

    protected override string ProgramName => "xdp_pass";

    // XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();
}
