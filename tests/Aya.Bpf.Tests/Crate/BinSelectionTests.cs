using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Crate;

[TestClass]
public sealed class BinSelectionTests
{
    private static readonly CargoPackage Package = new("probes", "/p/Cargo.toml",
        [
            new("probes", ["lib"], "/p/src/lib.rs", []),
            new("xdp", ["bin"], "/p/src/main.rs", []),
            new("tc", ["bin"], "/p/src/tc.rs", ["tc"]),
            new("trace", ["bin"], "/p/src/bin/trace.rs", ["tracing"]),
        ],
        new Dictionary<string, IReadOnlyList<string>> { ["default"] = ["tc"], ["tc"] = [], ["tracing"] = ["dep:log"], ["all"] = ["tc", "tracing"] });

    [TestMethod]
    public void SelectsEveryBinThatTheEnabledFeaturesAllow()
    {
        CollectionAssert.AreEqual(new[] { "xdp", "tc" }, Names(BinSelection.Select(Package, [], [], out _)));
        CollectionAssert.AreEqual(new[] { "xdp", "tc", "trace" }, Names(BinSelection.Select(Package, [], ["all"], out _)), "features enable features");
    }

    [TestMethod]
    public void SelectsTheNamedBinsInThePackagesOrder() =>
        CollectionAssert.AreEqual(new[] { "xdp", "tc" }, Names(BinSelection.Select(Package, ["tc", "xdp", "tc"], [], out _)));

    [TestMethod]
    public void SaysWhichBinsThereAreWhenANameIsNoneOfThem()
    {
        Assert.IsNull(BinSelection.Select(Package, ["nope"], [], out var error));
        Assert.Contains("'nope' is not a bin of the package probes; its bins are xdp, tc, trace", error!);
    }

    [TestMethod]
    public void SaysWhichFeaturesANamedBinNeeds()
    {
        Assert.IsNull(BinSelection.Select(Package, ["trace"], [], out var error));
        Assert.Contains("trace needs tracing", error!);
        Assert.Contains("CargoFeatures", error!);
    }

    [TestMethod]
    public void RefusesAPackageWithoutBins()
    {
        Assert.IsNull(BinSelection.Select(Package with { Targets = [Package.Targets[0]] }, [], [], out var error));
        Assert.Contains("has no bin target", error!);
    }

    private static string[] Names(IReadOnlyList<CargoTarget>? bins) => [.. bins!.Select(bin => bin.Name)];
}
