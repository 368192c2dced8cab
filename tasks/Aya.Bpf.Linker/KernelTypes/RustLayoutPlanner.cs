using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>Plans the Rust layout of one BTF struct or union from its members' Rust types (see <see cref="RustLayout"/>).</summary>
internal static class RustLayoutPlanner
{
    /// <summary>The member's Rust type, by value; anonymous member types are named from <paramref name="hint"/>.</summary>
    public delegate RustType MemberType(uint typeId, string hint);

    public static RustLayout Plan(BtfCompositeType composite, string ownerName, MemberType typeOf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var anonymous = 0;
        var members = composite.Members.Select(member =>
        {
            var isBitfield = member.BitfieldSize != 0 || member.BitOffset % 8 != 0;
            var name = member.Name is { Length: > 0 } named ? named : $"__anon_{anonymous++}";
            names.Add(name);
            // An anonymous type is named after where it is: zoo__anon_0, sk_buff__headers.
            var type = isBitfield ? null : typeOf(member.Type, member.Name is { Length: > 0 } ? $"{ownerName}__{member.Name}" : ownerName + name);
            return (Member: member, Name: RustNames.Identifier(name), Type: type);
        }).ToList();
        return composite.IsUnion ? PlanUnion(composite, members, names) : PlanStruct(composite, members, names);
    }

    private static RustLayout PlanStruct(BtfCompositeType composite, List<(BtfMember Member, string Name, RustType? Type)> members, HashSet<string> names)
    {
        var sized = members.Where(m => m.Type is { Size: > 0 }).ToList();
        var align = sized.Count == 0 ? 1 : sized.Max(m => m.Type!.Align);
        var packed = sized.Any(m => m.Member.BitOffset / 8 % m.Type!.Align != 0) || composite.Size % align != 0;
        var items = new List<RustLayoutItem>();
        var filler = new Filler(names);
        ulong offset = 0;
        foreach (var (member, name, type) in members)
        {
            if (type is null)
            {
                // Bitfields: the bytes that hold them, grown to cover the next bitfield of the same bytes.
                var start = member.BitOffset / 8;
                var end = (member.BitOffset + member.BitfieldSize + 7) / 8;
                if (start < offset && items.Count > 0 && items[^1] is { IsMember: false, Comment: not null } storage)
                {
                    items[^1] = storage with { Type = RustType.Bytes(Math.Max(end, offset) - storage.Offset), Comment = $"{storage.Comment}, {member.Name}" };
                    offset = Math.Max(end, offset);
                    continue;
                }
                if (start < offset)
                    return AsBytes(composite, $"bitfield '{member.Name}' overlaps the member before it");
                AddGap(items, filler, ref offset, start);
                items.Add(new RustLayoutItem(filler.Next("_bitfield"), RustType.Bytes(end - start), start, IsMember: false, Comment: $"bitfields {member.Name}"));
                offset = end;
                continue;
            }
            var at = member.BitOffset / 8;
            if (at < offset)
                return AsBytes(composite, $"member '{member.Name}' overlaps the member before it");
            if (type.Size == 0 && !packed && at % type.Align != 0)
                continue;
            AddGap(items, filler, ref offset, at);
            items.Add(new RustLayoutItem(name, type, at, IsMember: true));
            offset = at + type.Size;
        }
        if (offset > composite.Size)
            return AsBytes(composite, $"its members end at byte {offset}, past its size");
        AddGap(items, filler, ref offset, composite.Size);
        return new RustLayout(IsUnion: false, packed, composite.Size, packed ? 1 : align, items);
    }

    private static RustLayout PlanUnion(BtfCompositeType composite, List<(BtfMember Member, string Name, RustType? Type)> members, HashSet<string> names)
    {
        if (members.Any(m => m.Type is not null && m.Member.BitOffset != 0))
            return AsBytes(composite, "a member of the union is not at offset 0");
        var items = members.Select(m => m.Type is { } type
            ? new RustLayoutItem(m.Name, type, 0, IsMember: true)
            : new RustLayoutItem(m.Name, RustType.Bytes((m.Member.BitOffset + m.Member.BitfieldSize + 7) / 8), 0, IsMember: false, Comment: $"bitfield {m.Member.Name}")).ToList();
        var align = items.Count == 0 ? 1 : items.Max(i => i.Type.Align);
        var packed = composite.Size % align != 0;
        var largest = items.Count == 0 ? 0 : items.Max(i => i.Type.Size);
        if (largest > composite.Size)
            return AsBytes(composite, "a member is larger than the union");
        if (largest < composite.Size)
            items.Add(new RustLayoutItem(new Filler(names).Next("_pad"), RustType.Bytes(composite.Size), 0, IsMember: false));
        return new RustLayout(IsUnion: true, packed, composite.Size, packed ? 1 : align, items);
    }

    private static void AddGap(List<RustLayoutItem> items, Filler filler, ref ulong offset, ulong to)
    {
        if (to > offset)
            items.Add(new RustLayoutItem(filler.Next("_pad"), RustType.Bytes(to - offset), (uint)offset, IsMember: false));
        offset = Math.Max(offset, to);
    }

    private static RustLayout AsBytes(BtfCompositeType composite, string why) =>
        new(composite.IsUnion, Packed: false, composite.Size, 1, [], AsBytes: why);

    // Names for padding and bitfield bytes that no member of the struct has.
    private sealed class Filler(HashSet<string> taken)
    {
        private int _next;

        public string Next(string stem)
        {
            string name;
            do
                name = $"{stem}_{_next++}";
            while (!taken.Add(name));
            return name;
        }
    }
}
