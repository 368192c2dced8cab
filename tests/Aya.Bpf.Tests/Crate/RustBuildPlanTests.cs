using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Crate;

[TestClass]
public sealed class RustBuildPlanTests
{
    private const string Toolchain = "stable-x86_64-unknown-linux-gnu";

    private static readonly RustBuildInputs UsesCore = new("auto", "auto", ["src/main.rs"], HasRustSrc: false, "bpfel", "x86_64-unknown-linux-gnu", Toolchain);

    private static readonly RustBuildInputs NoCore = UsesCore with { RootsUsingCore = [] };

    [TestMethod]
    public void AutoBuildsForTheHostWhenACrateRootUsesCoreAndThereIsNoRustSrc()
    {
        var plan = Choose(UsesCore with { RootsUsingCore = ["src/lib.rs", "src/tc.rs"] });

        Assert.IsTrue(plan.Host);
        Assert.AreEqual(
            $"Rust is compiled for the host (x86_64-unknown-linux-gnu) and its bitcode retargeted to BPF (BpfRustBuild=auto: src/lib.rs, src/tc.rs use core, and the toolchain {Toolchain} has no rust-src to build it for BPF).",
            plan.Describe(UsesCore));
    }

    [TestMethod]
    public void AutoBuildsForBpfWhenEveryRootIsNoCoreOrRustSrcBuildsCore()
    {
        var noCore = Choose(NoCore);
        var withRustSrc = Choose(UsesCore with { HasRustSrc = true });

        Assert.AreEqual((false, false), (noCore.Host, noCore.BuildStd));
        Assert.AreEqual("Rust is compiled for bpfel-unknown-none (BpfRustBuild=auto: every crate root is #![no_core]).", noCore.Describe(NoCore));
        Assert.AreEqual((false, true), (withRustSrc.Host, withRustSrc.BuildStd));
        StringAssert.Contains(withRustSrc.Describe(UsesCore), "with core built from source");
    }

    [TestMethod]
    public void HostIsHostWhateverTheCrate() =>
        Assert.IsTrue(Choose(NoCore with { RustBuild = "HOST" }).Host);

    /// <summary>Advice must lead to a build that works: never "set BpfBuildStd to false", which gives E0463.</summary>
    [TestMethod]
    [DataRow("bpf", "auto")]
    [DataRow("auto", "true")]
    public void ABpfBuildThatNeedsRustSrcSaysHowToGetIt(string rustBuild, string buildStd)
    {
        var error = Refused(UsesCore with { RustBuild = rustBuild, BuildStd = buildStd });

        Assert.AreEqual("BPF1003", error.Code);
        Assert.Contains($"rustup component add rust-src --toolchain {Toolchain}", error.Message);
        Assert.Contains("set BpfRustBuild to auto", error.Message);
        Assert.DoesNotContain("BpfBuildStd to false", error.Message);
    }

    [TestMethod]
    public void ABpfBuildWithoutCoreOfACrateThatUsesItIsRefusedWithAdviceThatBuilds()
    {
        var error = Refused(UsesCore with { RustBuild = "bpf", BuildStd = "false", HasRustSrc = true });

        Assert.AreEqual("BPF1003", error.Code);
        Assert.Contains("Set BpfBuildStd to auto", error.Message);
    }

    [TestMethod]
    public void AutoWithBuildStdOffBuildsForTheHost() =>
        Assert.IsTrue(Choose(UsesCore with { BuildStd = "false", HasRustSrc = true }).Host);

    [TestMethod]
    public void AHostBuildNeedsLittleEndianAndAHostTriple()
    {
        Assert.AreEqual("BPF1009", Refused(UsesCore with { Target = "bpfeb" }).Code);
        Assert.AreEqual("BPF1010", Refused(UsesCore with { HostTriple = "" }).Code);
    }

    [TestMethod]
    [DataRow("sometimes", "auto", "BpfRustBuild 'sometimes' is not bpf, host or auto.")]
    [DataRow("auto", "yes", "BpfBuildStd 'yes' is not true, false or auto.")]
    public void RefusesSettingsItDoesNotKnow(string rustBuild, string buildStd, string message) =>
        Assert.AreEqual(("BPF1010", message), Refused(NoCore with { RustBuild = rustBuild, BuildStd = buildStd }));

    private static RustBuildPlan Choose(RustBuildInputs inputs)
    {
        var plan = RustBuildPlan.Choose(inputs, out var error);
        Assert.IsNotNull(plan, error?.Message);
        return plan;
    }

    private static (string Code, string Message) Refused(RustBuildInputs inputs)
    {
        Assert.IsNull(RustBuildPlan.Choose(inputs, out var error));
        return error!.Value;
    }
}
