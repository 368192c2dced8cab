namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The BTF of <c>.kconfig</c> and <c>.ksyms</c> externs as the kernel gets it from libbpf, which rewrites
/// them when it opens the object (bpf_object__collect_externs in libbpf 1.x). As LLVM writes them, their
/// VARs are extern (which the kernel refuses), every entry sits at offset 0 and a typeless ksym is a VAR
/// of void; checked as written they would all be false alarms. libbpf makes every such VAR
/// global-allocated; gives each ksym entry 4 bytes in turn (a VAR ksym typed as the first 32-bit INT, a
/// function ksym replaced by a dummy VAR, its FUNC made global and its unnamed parameters named); and
/// lays the kconfig entries out by descending alignment, then size, then name.
/// </summary>
internal static class LibbpfExterns
{
    public const string KconfigSection = ".kconfig";
    public const string KsymsSection = ".ksyms";

    private const uint KsymSlot = 4;

    /// <summary><paramref name="btf"/> with libbpf's extern rewrite applied; the same object when it has no extern section.</summary>
    public static BtfData AsKernelSees(BtfData btf)
    {
        var sections = btf.Types.OfType<BtfDatasecType>().Where(d => d.Name is KconfigSection or KsymsSection).ToList();
        if (sections.Count == 0)
            return btf;
        var types = btf.Types.ToList();
        foreach (var section in sections)
        {
            var entries = section.Name == KsymsSection ? Ksyms(btf, section, types) : Kconfig(btf, section, types);
            var size = entries.Count == 0 ? 0 : entries.Max(e => e.Offset + e.Size);
            types[(int)section.Id - 1] = section with { Header = section.Header with { SizeOrType = size }, Entries = entries };
        }
        return btf with { Types = types };
    }

    private static List<BtfDatasecEntry> Ksyms(BtfData btf, BtfDatasecType section, List<BtfType> types)
    {
        var int32 = btf.Types.OfType<BtfIntType>().FirstOrDefault(t => t.Bits == 32)?.Id ?? 0;
        uint? dummy = null;
        var entries = new List<BtfDatasecEntry>();
        foreach (var entry in section.Entries)
        {
            var type = entry.Type;
            switch (btf.TypeById(entry.Type))
            {
                case BtfVarType variable:
                    types[(int)variable.Id - 1] = Allocated(variable) with { Header = variable.Header with { SizeOrType = int32 } };
                    break;
                case BtfFuncType function:
                    // libbpf names the dummy VAR and the parameters "dummy_ksym"; any valid identifier's
                    // offset (the function's own name) passes the kernel's name checks the same way.
                    dummy ??= AddDummyVar(types, function.Header.NameOffset, int32);
                    type = dummy.Value;
                    types[(int)function.Id - 1] = function with { Header = function.Header with { Info = (function.Header.Info & ~0xffffu) | (uint)BtfFuncLinkage.Global } };
                    if (btf.TypeById(function.Type) is BtfFuncProtoType proto)
                        types[(int)proto.Id - 1] = proto with { Params = [.. proto.Params.Select(p => p.Type != 0 && p.NameOffset == 0 ? p with { NameOffset = function.Header.NameOffset, Name = function.Name } : p)] };
                    break;
            }
            entries.Add(new BtfDatasecEntry(type, (uint)entries.Count * KsymSlot, KsymSlot));
        }
        return entries;
    }

    private static List<BtfDatasecEntry> Kconfig(BtfData btf, BtfDatasecType section, List<BtfType> types)
    {
        var sizes = new BtfTypeSizes(btf);
        var externs = new List<(BtfDatasecEntry Entry, string Name, ulong Size, ulong Align)>();
        foreach (var entry in section.Entries)
        {
            if (btf.TypeById(entry.Type) is not BtfVarType variable)
            {
                externs.Add((entry, "", entry.Size, 1));
                continue;
            }
            types[(int)variable.Id - 1] = Allocated(variable);
            var size = sizes.TryGetSize(variable.Type, out var known, out _) ? known : entry.Size;
            externs.Add((entry, variable.Name ?? "", size, AlignOf(btf, sizes, variable.Type, 0)));
        }
        var offsets = new uint[externs.Count];
        ulong offset = 0;
        foreach (var i in Enumerable.Range(0, externs.Count).OrderByDescending(i => externs[i].Align).ThenBy(i => externs[i].Size).ThenBy(i => externs[i].Name, StringComparer.Ordinal))
        {
            offset = (offset + externs[i].Align - 1) / externs[i].Align * externs[i].Align;
            offsets[i] = (uint)offset;
            offset += externs[i].Size;
        }
        // Moved, not reordered: libbpf sorts every DATASEC by offset later (see DatasecSizes).
        return [.. externs.Select((e, i) => e.Entry with { Offset = offsets[i] })];
    }

    private static BtfVarType Allocated(BtfVarType variable) => variable with { Linkage = (uint)BtfVarLinkage.GlobalAllocated };

    private static uint AddDummyVar(List<BtfType> types, uint nameOffset, uint type)
    {
        var id = (uint)types.Count + 1;
        var header = new BtfTypeHeader(id, -1, nameOffset, "dummy_ksym", (uint)BtfKind.Var << 24, type);
        types.Add(new BtfVarType(header, (uint)BtfVarLinkage.GlobalAllocated));
        return id;
    }

    // btf__align_of: scalars align to their size (at most 8), arrays to their element, structs to their widest member.
    private static ulong AlignOf(BtfData btf, BtfTypeSizes sizes, uint id, int depth)
    {
        var type = sizes.SkipModifiers(id);
        if (depth >= BtfTypeSizes.MaxDepth)
            return 1;
        return type switch
        {
            BtfIntType or BtfEnumType or BtfFloatType => Math.Clamp(type.Header.SizeOrType, 1u, 8u),
            BtfReferenceType { Kind: BtfKind.Ptr } => 8,
            BtfArrayType array => AlignOf(btf, sizes, array.ElementType, depth + 1),
            BtfCompositeType composite => composite.Members.Select(m => AlignOf(btf, sizes, m.Type, depth + 1)).DefaultIfEmpty(1ul).Max(),
            _ => 1,
        };
    }
}
