using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>Asserts on the violations the validator reports.</summary>
internal static class ViolationAssert
{
    public static void Single(IReadOnlyList<BtfViolation> violations, uint id, BtfKind kind, string name, string message, string? member = null)
    {
        var violation = Assert.ContainsSingle(violations, string.Join(" | ", violations));
        Assert.AreEqual((int)id, violation.TypeId);
        Assert.AreEqual(kind, violation.Kind);
        Assert.AreEqual(name, violation.TypeName);
        Assert.AreEqual(member, violation.MemberName);
        Assert.AreEqual(message, violation.Message);
    }

    public static void None(IReadOnlyList<BtfViolation> violations) =>
        Assert.IsEmpty(violations, string.Join(" | ", violations));
}
