using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class MapKernelNameTests
{
    [TestMethod]
    [DataRow("EVENTS")]
    [DataRow("A_15_CHAR_NAME_")]
    [DataRow("with.dots_and_9")]
    public void NameTheKernelKeepsWholeHasNoWarning(string name) =>
        Assert.IsNull(MapBtfValidator.KernelNameWarning(name));

    [TestMethod]
    public void LongNameWarnsWithWhatTheKernelSees() =>
        Assert.AreEqual(
            "map name 'CONNECTION_TRACKER' is 18 characters long; the kernel keeps the first 15 and will see 'CONNECTION_TRAC'.",
            MapBtfValidator.KernelNameWarning("CONNECTION_TRACKER"));

    [TestMethod]
    public void RefusedCharactersWarnThatCreationFails() =>
        Assert.AreEqual(
            "map name 'my-map' has characters the kernel refuses in map names ('-'; only A-Z, a-z, 0-9, '_' and '.' are allowed): creating the map fails with EINVAL.",
            MapBtfValidator.KernelNameWarning("my-map"));

    [TestMethod]
    public void RefusedCharactersPastTheFifteenthAreCutOff() =>
        Assert.AreEqual(
            "map name 'CONNECTION_TRACKER<u32>' is 23 characters long; the kernel keeps the first 15 and will see 'CONNECTION_TRAC'.",
            MapBtfValidator.KernelNameWarning("CONNECTION_TRACKER<u32>"));

    [TestMethod]
    public void LongNameWithRefusedCharactersSaysBoth() =>
        Assert.AreEqual(
            "map name 'HashMap<u32, u64>' has characters the kernel refuses in map names ('<', ',', ' '; only A-Z, a-z, 0-9, '_' and '.' are allowed): "
                + "creating the map fails with EINVAL; it also is 17 characters long; the kernel keeps the first 15 and will see 'HashMap<u32, u6'.",
            MapBtfValidator.KernelNameWarning("HashMap<u32, u64>"));
}
