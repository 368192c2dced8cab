using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Tests.Link;

/// <summary>The text LLVM 22's BPF backend prints, as the linker reads it.</summary>
[TestClass]
public sealed class BackendChoicesTests
{
    private const string Help = """
        Available CPUs for this target:

          generic - Select the generic processor.
          probe   - Select the probe processor.
          v1      - Select the v1 processor.
          v4      - Select the v4 processor.

        Available features for this target:

          allows-misaligned-mem-access - Allows misaligned memory access.
          alu32                        - Enable ALU32 instructions.

        Use +feature to enable a feature, or -feature to disable it.
        For example, llc -mcpu=mycpu -mattr=+feature1,-feature2
        """;

    [TestMethod]
    public void ReadsBothTablesOfTheHelpText()
    {
        CollectionAssert.AreEqual(new[] { "generic", "probe", "v1", "v4" }, BackendChoices.Table(Help, "CPUs").ToArray());
        CollectionAssert.AreEqual(new[] { "allows-misaligned-mem-access", "alu32" }, BackendChoices.Table(Help, "features").ToArray());
    }

    [TestMethod]
    public void ReadsWhatLlvmIgnored_EachNameOnce()
    {
        const string complaints = """
            'v9' is not a recognized processor for this target (ignoring processor)
            '+bogus' is not a recognized feature for this target (ignoring feature)
            'v9' is not a recognized processor for this target (ignoring processor)
            """;

        var (cpus, features) = BackendChoices.Ignored(complaints);

        CollectionAssert.AreEqual(new[] { "v9" }, cpus.ToArray());
        CollectionAssert.AreEqual(new[] { "+bogus" }, features.ToArray());
    }

    [TestMethod]
    public void NothingIgnored_WhenLlvmSaidNothing()
    {
        var (cpus, features) = BackendChoices.Ignored("");

        Assert.IsEmpty(cpus);
        Assert.IsEmpty(features);
    }
}
