using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>
/// Our BTF validator must say what the kernel says: the same verdict on every blob of the corpus,
/// and for a refused blob the errno its reason comes with, the type the kernel's log blames (id,
/// kind and name) or none for a header problem, and the kernel's own last line.
/// </summary>
[TestClass]
[TestCategory("Kernel")]
public sealed class KernelBtfAgreementTests
{
    private const int E2Big = 7;
    private const int Eexist = 17;
    private const int Einval = 22;
    private const int Enotsupp = 524;

    public static IEnumerable<object[]> Corpus => BtfCorpus.Cases;

    [TestMethod]
    [DynamicData(nameof(Corpus))]
    public void ValidatorAgreesWithTheKernel(string name)
    {
        RequiredTool.BpfPrivileges();
        var blob = BtfCorpus.Build(name);

        var kernel = KernelBtfLoader.Load(blob);
        var violations = Validate(blob);

        var context = $"kernel {(kernel.Accepted ? "accepted" : $"refused (errno {kernel.Errno})")}; validator found: " +
            $"{string.Join("; ", violations)}\nkernel log:\n{kernel.Log}";
        Assert.AreEqual(kernel.Accepted, violations.Count == 0, context);
        if (kernel.Accepted)
            return;
        var first = violations[0];
        Assert.AreEqual(Errno(first), kernel.Errno, $"the errno of \"{first}\". {context}");
        BlamedType? expected = first.TypeId == 0 ? null : new(first.TypeId, BtfKindNames.Of(first.Kind), first.TypeName);
        Assert.AreEqual(expected, KernelLogLine.Blamed(kernel.Log), $"the type blamed. {context}");
        // The kernel's last line is the type's, or (after the type's line) the member's: the message ends with it.
        Assert.EndsWith(KernelLogLine.Last(kernel.Log), first.Message, $"the kernel's last line. {context}");
    }

    // The kernel refuses a header it does not know with E2BIG, a version, flags or int encoding it
    // does not support with ENOTSUPP, a loop of types with EEXIST, and everything else with EINVAL.
    private static int Errno(BtfViolation violation) => violation.Message switch
    {
        "Unsupported btf_header" => E2Big,
        "Unsupported version" or "Unsupported flags" => Enotsupp,
        _ when violation.Message.EndsWith(" Unsupported encoding", StringComparison.Ordinal) => Enotsupp,
        _ when violation.Message.EndsWith(" Loop detected", StringComparison.Ordinal) => Eexist,
        _ => Einval,
    };

    private static IReadOnlyList<BtfViolation> Validate(byte[] blob)
    {
        if (!BtfReader.TryRead(blob, out var btf, out var error))
            return [new BtfViolation(0, BtfKind.Unknown, "", null, error?.ToString() ?? "unreadable")];
        return BtfValidator.Validate(btf!, new BtfValidationOptions { KernelBaseline = RunningKernel.Version });
    }
}
