using Aya.Bpf.Tasks.Crate;

namespace Aya.Bpf.Tests.Crate;

[TestClass]
public sealed class CargoConfigTests
{
    [TestMethod]
    public void ReadsScalarsAndArraysWithEachValuesOrigin()
    {
        var config = CargoConfig.Parse(CargoMetadataSamples.AyaAppConfig);

        CollectionAssert.AreEqual(
            new[]
            {
                new CargoConfigEntry("build.target", "\"bpfel-unknown-none\"", "/src/aya-app/aya-app-ebpf/.cargo/config.toml"),
                new CargoConfigEntry("target.bpfel-unknown-none.linker", "\"bpf-linker\"", "environment variable `CARGO_TARGET_BPFEL_UNKNOWN_NONE_LINKER`"),
                new CargoConfigEntry("unstable.build-std", "\"core\"", "/src/aya-app/aya-app-ebpf/.cargo/config.toml"),
                new CargoConfigEntry("unstable.build-std", "\"alloc\"", "/src/aya-app/.cargo/config.toml"),
            },
            config.Entries.ToArray());
    }

    [TestMethod]
    public void TellsWhichFilesSetAKeyOrTheKeysBelowIt()
    {
        var config = CargoConfig.Parse(CargoMetadataSamples.AyaAppConfig);

        CollectionAssert.AreEqual(new[] { "/src/aya-app/aya-app-ebpf/.cargo/config.toml", "/src/aya-app/.cargo/config.toml" }, config.FilesSetting("unstable").ToArray());
        Assert.IsEmpty(config.FilesSetting("target"), "an environment variable is not a file");
        Assert.IsEmpty(config.Under("unstable.build"), "a key's prefix is not the key");
    }

    [TestMethod]
    public void ReadsNothingFromAnEmptyConfig() => Assert.IsEmpty(CargoConfig.Parse("# The following environment variables may affect the loaded values.\n").Entries);
}
