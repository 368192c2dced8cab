using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// A CO-RE record's access as libbpf prints it (bpf_core_format_spec): the local type's name, then along
/// the access string each named member as <c>.name</c> and each array index as <c>[n]</c>; anonymous
/// members add nothing, and the first index only when it is not 0. Members are named, not numbered, so
/// two objects whose types order their members differently print the same access the same way.
/// </summary>
internal static class CoreAccessSpec
{
    /// <summary>The spec of <paramref name="record"/> resolved against <paramref name="btf"/>, the BTF of the object holding it.</summary>
    public static string Of(BtfData btf, BtfCoreRelocation record)
    {
        BtfType? root = btf.TypeById(record.TypeId);
        string spec = root is null ? "void" : root.Name is null or "" ? "<anon>" : root.Name;
        if (!BtfCoreRelocationKinds.IsFieldBased(record.Kind))
        {
            return spec;
        }

        string[] indexes = (record.AccessString ?? "").Split(':');
        if (indexes[0] != "0")
        {
            spec += $"[{indexes[0]}]";
        }

        BtfTypeSizes types = new(btf);
        BtfType? current = types.SkipModifiers(record.TypeId);
        foreach (string text in indexes.Skip(1))
        {
            int index = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            switch (current)
            {
                case BtfCompositeType composite when index < composite.Members.Count:
                    BtfMember member = composite.Members[index];
                    spec += member.Name is null or "" ? "" : $".{member.Name}";
                    current = types.SkipModifiers(member.Type);
                    break;
                case BtfArrayType array:
                    spec += $"[{index}]";
                    current = types.SkipModifiers(array.ElementType);
                    break;
                default:
                    return $"{spec}<index {index} of {(current is null ? "void" : BtfKindNames.Of(current.Kind))}: not a member or element>";
            }
        }

        return spec;
    }
}
