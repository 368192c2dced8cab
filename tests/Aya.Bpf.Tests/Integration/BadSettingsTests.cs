using System.Text;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Settings the build cannot use: each is a coded error that says what the setting accepts, at the
/// project file line that sets it where there is one, and none builds an object. The ones the SDK can
/// judge alone fail before cargo runs; the CPU and its features are judged by the toolchain's LLVM.
/// </summary>
[TestClass]
public sealed class BadSettingsTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";

    private static readonly string ProjectWithBadSettings = """
        <Project Sdk="Aya.Bpf.Sdk">
          <PropertyGroup>
            <BpfOptimizationLevel>7</BpfOptimizationLevel>
            <BpfTarget>foo</BpfTarget>
            <BpfKernelBaseline>3.0</BpfKernelBaseline>
          </PropertyGroup>
        </Project>
        """;

    [TestMethod]
    [TestCategory("Integration")]
    public void SettingsTheSdkJudges_AreEachAnErrorAtTheirLine_BeforeCargoRuns()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();
        workspace.WriteFile(Project, Encoding.UTF8.GetBytes(ProjectWithBadSettings));

        BuildResult build = workspace.Build(Project, "-p:BpfObjectName= ");

        BuildErrors.AssertAt(BuildErrors.AssertReported(build, "BPF1010", "BpfOptimizationLevel '7'", "use 0, 1, 2 (the default) or 3"), Project, 3, build);
        BuildErrors.AssertAt(BuildErrors.AssertReported(build, "BPF1010", "BpfTarget 'foo'", "use bpfel (little-endian) or bpfeb"), Project, 4, build);
        BuildErrors.AssertAt(BuildErrors.AssertReported(build, "BPF1008", "BpfKernelBaseline '3.0'", "first kernel with BTF (4.18)"), Project, 5, build);
        // Set on the command line: the project file alone is the place.
        StringAssert.Contains(BuildErrors.AssertReported(build, "BPF1010", "BpfObjectName ' '", "is empty"), $"{workspace.PathOf(Project)} : error BPF1010");
        Assert.DoesNotContain("cargo build started", build.Output, "the settings are judged before cargo runs");
        BpfObjectAssertions.WroteNoObject(workspace, "xdp-pass", "xdp-pass", build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void CpuAndFeaturesTheBackendLacks_AreBpf2020ListingWhatItHas()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(Project, "-p:BpfCpu=v9", "-p:BpfCpuFeatures=+alu32%2C+bogus");

        BuildErrors.AssertReported(build, "BPF2020", workspace.PathOf(Project), "BpfCpu 'v9'", "generic, probe, v1, v2, v3 or v4");
        string feature = BuildErrors.AssertReported(build, "BPF2020", workspace.PathOf(Project), "'+bogus'", "alu32");
        Assert.DoesNotContain("'+alu32'", feature, "alu32 is a feature of the backend");
        Assert.HasCount(2, BuildErrors.Lines(build, "BPF2020"), build.Describe());
        BpfObjectAssertions.WroteNoObject(workspace, "xdp-pass", "xdp-pass", build);
    }

    /// <summary>The SDK asks for debug = 2, so its advice names what turns debug info off, not the profile setting.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void DebugInfoTurnedOffInRustFlags_IsBpf3003NamingRustFlags()
    {
        RequiredTool.CargoPath();
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(Project, new Dictionary<string, string> { ["RUSTFLAGS"] = "-C debuginfo=0" });

        BuildErrors.AssertReported(build, "BPF3003", "`-C debuginfo=0` in RUSTFLAGS", "per-package profile override");
        BpfObjectAssertions.WroteNoObject(workspace, "xdp-pass", "xdp-pass", build);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void LlvmOfAnotherVersion_IsBpf2022NamingTheLibraryAndWhatItLacks()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
        // clang-14's own libLLVM: a BPF target, and an API older than the linker's.
        const string llvm14 = "/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1";
        Assert.IsTrue(File.Exists(llvm14), $"clang-14 is installed, so {llvm14} should be");
        using FixtureWorkspace workspace = FixtureWorkspace.Create();

        BuildResult build = workspace.Build(Project, $"-p:BpfLlvmPath={llvm14}");

        string error = BuildErrors.AssertReported(build, "BPF2022", workspace.PathOf(Project), llvm14, "LLVMConstArray2", "Leave BpfLlvmPath empty");
        Assert.DoesNotContain("Exception", build.Output, "no .NET exception reaches the user");
        Assert.DoesNotContain("BPF2008", build.Output, error);
    }
}
