namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Collects violations with kernel-style messages. Where the kernel prints a member or DATASEC entry
/// on its own tab-indented line under the type line, the message joins the two with "; ".
/// </summary>
internal sealed class BtfViolationLog
{
    private readonly List<BtfViolation> violations = [];

    public IReadOnlyList<BtfViolation> Violations => violations;

    public void Header(string message) => violations.Add(new BtfViolation(0, BtfKind.Unknown, "", null, message));

    /// <summary><c>[id] KIND name details message</c>.</summary>
    public void Type(BtfType type, string message) =>
        Add(type, null, $"{BtfLogLine.Full(type)} {message}");

    /// <summary><c>[id] KIND name message</c>, for checks the kernel logs without details.</summary>
    public void Basic(BtfType type, string message) =>
        Add(type, null, $"{BtfLogLine.Basic(type)} {message}");

    /// <summary><c>[id] message</c>, for the checks made before the kind is known to be usable.</summary>
    public void Bare(BtfType type, string message) =>
        Add(type, null, $"[{type.Id}] {message}");

    public void Member(BtfCompositeType type, BtfMember member, string message) =>
        Add(type, member.Name, $"{BtfLogLine.Full(type)}; {BtfLogLine.Member(member)} {message}");

    /// <param name="variable">The entry's VAR, whose name (a map's, a global's) says what the entry is.</param>
    public void Entry(BtfDatasecType type, BtfDatasecEntry entry, BtfType? variable, string message) =>
        Add(type, variable is BtfVarType ? variable.Name : null, $"{BtfLogLine.Full(type)}; {BtfLogLine.Entry(entry)} {message}");

    /// <summary>A type-level message that concerns one named component (an enumerator, a parameter).</summary>
    public void Component(BtfType type, string? componentName, string message) =>
        Add(type, componentName, $"{BtfLogLine.Full(type)} {message}");

    private void Add(BtfType type, string? member, string message) =>
        violations.Add(new BtfViolation((int)type.Id, type.Kind, type.Name ?? "", member, message));
}
