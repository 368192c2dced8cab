using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>The link's target machine against the toolchain's own BPF backend: what it lacks is an error, not ignored.</summary>
[TestClass]
public sealed class TargetChoiceTests
{
    [TestMethod]
    public void ACpuAndFeaturesTheBackendHas_GiveAMachine()
    {
        var (machine, log) = Create("v2", "+alu32");

        using (machine)
            Assert.IsNotNull(machine, string.Join("\n", log.Reported));
        Assert.IsEmpty(log.Reported);
    }

    [TestMethod]
    public void AnUnknownCpu_IsBpf2020AtTheProject_ListingTheBackendsCpus()
    {
        var (machine, log) = Create("v9", "");

        Assert.IsNull(machine);
        var error = log.Reported.Single();
        Assert.AreEqual((DiagnosticCodes.TargetChoiceUnknown, "/p/p.bpfproj"), (error.Code, error.File));
        StringAssert.Contains(error.Message, "BpfCpu 'v9' is not a CPU of the BPF backend of LLVM");
        StringAssert.Contains(error.Message, "use generic, probe, v1, v2, v3 or v4");
    }

    [TestMethod]
    public void AnUnknownFeature_IsBpf2020ListingTheBackendsFeatures()
    {
        var (machine, log) = Create("v3", "+alu32,+bogus");

        Assert.IsNull(machine);
        var error = log.Reported.Single();
        Assert.AreEqual(DiagnosticCodes.TargetChoiceUnknown, error.Code);
        StringAssert.Contains(error.Message, "BpfCpuFeatures names '+bogus'");
        StringAssert.Contains(error.Message, "alu32");
    }

    private static (Linker.Llvm.TargetMachine? Machine, DiagnosticLog Log) Create(string cpu, string features)
    {
        ToolchainLlvm.EnsureLoaded();
        var log = new DiagnosticLog(TextWriter.Null);
        var options = new LinkOptions { LlvmLibrary = "", Output = "", Cpu = cpu, CpuFeatures = features, Project = "/p/p.bpfproj" };
        return (TargetChoice.Create(options, log), log);
    }
}
