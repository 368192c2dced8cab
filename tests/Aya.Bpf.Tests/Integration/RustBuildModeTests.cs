namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// BpfRustBuild: the same #![no_core] fixture built for the BPF target and for the host (retargeted)
/// gives objects that load alike, and what a host build cannot retarget fails with a coded error at
/// the function's source line.
/// </summary>
[TestClass]
public sealed class RustBuildModeTests
{
    private const string Object = "xdp-pass/bin/Release/xdp-pass.bpf.o";
    private const string ErrorsSource = "host-errors/src/main.rs";

    private static readonly FixtureBuild BpfBuild = new("xdp-pass/xdp-pass.bpfproj", "-p:BpfRustBuild=bpf");
    private static readonly FixtureBuild HostBuild = new("xdp-pass/xdp-pass.bpfproj", "-p:BpfRustBuild=host");

    [ClassCleanup]
    public static void Cleanup()
    {
        BpfBuild.Dispose();
        HostBuild.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void NoCoreFixture_BuiltBothWays_LoadsAlikeWithBtf()
    {
        RequiredTool.CargoPath();
        RequiredTool.ForKernelLoad();
        StringAssert.Contains(HostBuild.Succeeded().Output, "Rust is compiled for the host (", HostBuild.Result().Describe());
        Assert.IsFalse(BpfBuild.Succeeded().Output.Contains("Rust is compiled for the host", StringComparison.Ordinal), BpfBuild.Result().Describe());

        var (bpfFunctions, bpfVerdict) = LoadAndRun(BpfBuild);
        var (hostFunctions, hostVerdict) = LoadAndRun(HostBuild);

        Assert.AreEqual(2L, bpfVerdict, "verdict of the BPF-target build");
        Assert.AreEqual(bpfVerdict, hostVerdict, "verdict of the host build");
        CollectionAssert.AreEqual(bpfFunctions, hostFunctions, "BTF FUNCs (name:linkage) of the host build against the BPF-target build");
    }

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("asm", "BPF2018", "pause", "BPF assembler refuses")]
    [DataRow("core-asm", "BPF2014", "pause", "host assembly in the toolchain's library")]
    [DataRow("intrinsic", "BPF2015", "pause", "llvm.x86.sse2.pause")]
    [DataRow("byval", "BPF2016", "sum_quad", "by value")]
    public void WhatCannotBeRetargeted_FailsWithACodedErrorAtTheFunction(string feature, string code, string function, string why)
    {
        RequiredTool.CargoPath();
        using FixtureBuild fixture = new("host-errors/host-errors.bpfproj", $"-p:CargoFeatures={feature}");

        BuildResult build = fixture.Result();

        string error = BuildErrors.AssertReported(build, code, $"function '{function}'", why);
        string source = SourceText.Read(fixture.Workspace, ErrorsSource);
        int line = SourceText.LineOf(source, function == "pause" ? "fn pause()" : "pub extern \"C\" fn sum_quad");
        BuildErrors.AssertAt(error, ErrorsSource, line, build);
        BpfObjectAssertions.WroteNoObject(fixture.Workspace, "host-errors", "host-errors", build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("-p:BpfTarget=bpfeb", "BPF1009", "cannot become bpfeb")]
    [DataRow("-p:BpfRustBuild=sometimes", "BPF1010", "'sometimes' is not bpf, host or auto")]
    public void HostBuildSettingsThatCannotWork_FailBeforeCargoRuns(string property, string code, string why)
    {
        RequiredTool.CargoPath();
        using FixtureBuild fixture = new("host-errors/host-errors.bpfproj", property);

        BuildResult build = fixture.Result();

        BuildErrors.AssertReported(build, code, why);
        Assert.IsFalse(build.Output.Contains("Compiling host-errors", StringComparison.Ordinal), $"cargo ran. {build.Describe()}");
    }

    private static (string[] Functions, long Verdict) LoadAndRun(FixtureBuild build)
    {
        string objectPath = build.Workspace.PathOf(Object);
        BtfDump btf = Bpftool.DumpBtf(objectPath);
        string[] functions = btf.FunctionsWithLinkage();
        using LoadedObject loaded = LoadedObject.Load(objectPath, pinMaps: false);
        BpfObjectAssertions.LoadedCleanly(loaded.Result, "xdp_pass", "xdp");
        return (functions, loaded.Run("xdp_pass", BpfObjectAssertions.TestPacket()));
    }
}
