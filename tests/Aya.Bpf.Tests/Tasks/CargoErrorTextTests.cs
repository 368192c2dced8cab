using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CargoErrorTextTests
{
    private const string Manifest = "/src/xdp-pass/Cargo.toml";

    [TestMethod]
    public void PlacesAManifestSyntaxErrorWhereCargoPoints()
    {
        var errors = Read(
            "error: unclosed array, expected `]`",
            "  --> Cargo.toml:21:10",
            "   |",
            "21 | frob = [",
            "   |         ^");

        Assert.AreEqual(new CargoError("unclosed array, expected `]`", "/src/xdp-pass/Cargo.toml", 21, 10), errors.Single());
    }

    [TestMethod]
    public void TellsTheCausesInOneLineOnTheManifest()
    {
        var errors = Read(
            "error: failed to get `minicore` as a dependency of package `xdp-pass v0.1.0 (/src/xdp-pass)`",
            "",
            "Caused by:",
            "  failed to load source for dependency `minicore`",
            "",
            "Caused by:",
            "  No such file or directory (os error 2)");

        Assert.AreEqual(
            new CargoError("failed to get `minicore` as a dependency of package `xdp-pass v0.1.0 (/src/xdp-pass)`: " +
                "failed to load source for dependency `minicore`: No such file or directory (os error 2)", Manifest, 0, 0),
            errors.Single());
    }

    [TestMethod]
    public void EndsAnErrorAtTheNextStatusLineAndIgnoresOtherText()
    {
        var errors = Read(
            "   Compiling minicore v0.1.0 (/src/minicore)",
            "warning: unused manifest key: package.frobnicate",
            "error: no bin target named `other` in default-run packages",
            "warning: something else",
            "  indented text that is no cause");

        Assert.AreEqual(new CargoError("no bin target named `other` in default-run packages", Manifest, 0, 0), errors.Single());
    }

    private static IReadOnlyList<CargoError> Read(params string[] lines)
    {
        var text = new CargoErrorText(Manifest);
        foreach (var line in lines)
            text.Add(line);
        return text.Errors;
    }
}
