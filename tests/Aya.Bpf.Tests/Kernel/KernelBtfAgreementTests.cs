using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>
/// Our BTF validator must say what the kernel says: the same verdict on every blob of the corpus,
/// and for a refused blob the same type the kernel's log blames.
/// </summary>
[TestClass]
[TestCategory("Kernel")]
public sealed class KernelBtfAgreementTests
{
    public static IEnumerable<object[]> Corpus => BtfCorpus.Cases;

    [TestMethod]
    [DynamicData(nameof(Corpus))]
    public void ValidatorAgreesWithTheKernel(string name)
    {
        RequiredTool.BpfPrivileges();
        var blob = BtfCorpus.Build(name);

        var kernel = KernelBtfLoader.Load(blob);
        var violations = Validate(blob);

        Assert.AreEqual(kernel.Accepted, violations.Count == 0,
            $"kernel {(kernel.Accepted ? "accepted" : $"refused (errno {kernel.Errno})")}; validator found: " +
            $"{string.Join("; ", violations)}\nkernel log:\n{kernel.Log}");
        if (!kernel.Accepted && KernelLogLine.BlamedTypeId(kernel.Log) is { } blamed)
            Assert.AreEqual(blamed, violations[0].TypeId, $"kernel log:\n{kernel.Log}\nvalidator: {string.Join("; ", violations)}");
    }

    private static IReadOnlyList<BtfViolation> Validate(byte[] blob)
    {
        if (!BtfReader.TryRead(blob, out var btf, out var error))
            return [new BtfViolation(0, BtfKind.Unknown, "", null, error?.ToString() ?? "unreadable")];
        return BtfValidator.Validate(btf!, new BtfValidationOptions { KernelBaseline = RunningKernel.Version });
    }
}
