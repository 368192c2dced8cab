namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The named type or variable that holds an anonymous type, so that an error about it says what the
/// user wrote: a BTF-style map's <c>max_entries</c> is an anonymous ARRAY behind an anonymous PTR in
/// an anonymous struct, held by the map's VAR.
/// </summary>
internal static class BtfOwners
{
    /// <summary>The nearest named holder of type <paramref name="id"/> and the member that leads to it; null when none holds it.</summary>
    public static (BtfType Owner, string? Member)? Find(BtfData btf, uint id)
    {
        var holders = Holders(btf);
        var seen = new HashSet<uint> { id };
        // Breadth first: the nearest holder, with the member of the holder nearest the owner.
        var frontier = new Queue<(uint Id, string? Member)>([(id, null)]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (holder, member) in holders.GetValueOrDefault(current.Id) ?? [])
            {
                var via = member ?? current.Member;
                if (holder is BtfVarType or BtfCompositeType or BtfFuncType && holder.Name is { Length: > 0 })
                    return (holder, via);
                if (seen.Add(holder.Id))
                    frontier.Enqueue((holder.Id, via));
            }
        }
        return null;
    }

    private static Dictionary<uint, List<(BtfType Holder, string? Member)>> Holders(BtfData btf)
    {
        var holders = new Dictionary<uint, List<(BtfType, string?)>>();
        void Add(uint held, BtfType holder, string? member)
        {
            if (!holders.TryGetValue(held, out var list))
                holders[held] = list = [];
            list.Add((holder, member));
        }
        foreach (var type in btf.Types)
        {
            switch (type)
            {
                case BtfReferenceType reference: Add(reference.Type, type, null); break;
                case BtfArrayType array: Add(array.ElementType, type, null); break;
                case BtfCompositeType composite:
                    foreach (var member in composite.Members)
                        Add(member.Type, type, member.Name);
                    break;
                case BtfVarType variable: Add(variable.Type, type, null); break;
                case BtfFuncType function: Add(function.Type, type, null); break;
                case BtfFuncProtoType proto:
                    Add(proto.ReturnType, type, null);
                    foreach (var parameter in proto.Params)
                        Add(parameter.Type, type, parameter.Name);
                    break;
            }
        }
        return holders;
    }
}
