namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The members of a BTF-style map definition, in order: integers (encoded as pointers to arrays of that
/// many ints) and key/value types (pointers to the real types).
/// </summary>
internal sealed record BtfMapPlan(IReadOnlyList<BtfMapMember> Members)
{
    public MapTypeArgument? Key => Members.OfType<BtfMapTypeMember>().FirstOrDefault(m => m.Name == BtfMapMember.KeyName)?.Type;

    public MapTypeArgument? Value => Members.OfType<BtfMapTypeMember>().FirstOrDefault(m => m.Name == BtfMapMember.ValueName)?.Type;
}

internal abstract record BtfMapMember(string Name)
{
    public const string KeyName = "key";
    public const string ValueName = "value";
}

/// <summary><c>int (*name)[Value]</c>.</summary>
internal sealed record BtfMapIntegerMember(string Name, uint Value) : BtfMapMember(Name);

/// <summary><c>T *name</c>.</summary>
internal sealed record BtfMapTypeMember(string Name, MapTypeArgument Type) : BtfMapMember(Name);
