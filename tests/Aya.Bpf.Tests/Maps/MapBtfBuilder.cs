using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Maps;

/// <summary>
/// Builds BTF with BTF-defined maps as libbpf's macros spell them: integers as <c>int (*name)[N]</c>
/// (PTR to ARRAY), key and value as pointers. Types are added in id order, so build members (arguments)
/// before the map that holds them.
/// </summary>
internal sealed class MapBtfBuilder
{
    private readonly List<(uint Var, uint Size)> entries = [];

    public MapBtfBuilder()
    {
        IntType = Btf.Int();
        U64 = Btf.Int("u64", 8, 64, 0);
    }

    public BtfBuilder Btf { get; } = new();

    /// <summary>Type 1, <c>int</c> (4 bytes): array element and index type.</summary>
    public uint IntType { get; }

    /// <summary>Type 2, <c>u64</c>.</summary>
    public uint U64 { get; }

    /// <summary>An integer member: <c>int (*name)[value]</c>.</summary>
    public (string Name, uint Type) Int(string name, uint value) => (name, Btf.Ptr(Btf.Array(IntType, IntType, value)));

    /// <summary>The <c>type</c> member.</summary>
    public (string Name, uint Type) Type(BpfMapType type) => Int("type", (uint)type);

    /// <summary>A key/value member: <c>T *name</c>.</summary>
    public (string Name, uint Type) Pointer(string name, uint target) => (name, Btf.Ptr(target));

    /// <summary>The <c>values</c> member: a zero-length array of pointers to an inner map's STRUCT or a FUNC_PROTO.</summary>
    public (string Name, uint Type) Values(uint target) => ("values", Btf.Array(Btf.Ptr(target), IntType, 0));

    /// <summary>A map definition STRUCT, one 8-byte slot per member.</summary>
    public uint Def(params (string Name, uint Type)[] members) =>
        Btf.Struct("", (uint)members.Length * 8, [.. members.Select((m, i) => (m.Name, m.Type, (uint)i * 64))]);

    /// <summary>
    /// A global map: its definition STRUCT, its VAR, and an entry in <c>.maps</c>. A definition with a
    /// <c>type</c> but no <c>max_entries</c> gets <c>max_entries 1</c> (before any <c>values</c>): the
    /// kernel creates no map of most types without entries; <see cref="MapOfSize"/> leaves it out.
    /// </summary>
    public uint Map(string name, params (string Name, uint Type)[] members) => Map(name, BtfVarLinkage.GlobalAllocated, members);

    public uint Map(string name, BtfVarLinkage linkage, params (string Name, uint Type)[] members)
    {
        if (members.Any(m => m.Name == "type") && members.All(m => m.Name != "max_entries"))
        {
            int at = members.TakeWhile(m => m.Name != "values").Count();
            members = [.. members[..at], Int("max_entries", 1), .. members[at..]];
        }
        return MapOfSize(name, linkage, members);
    }

    /// <summary>A map with exactly the members given.</summary>
    public uint MapOfSize(string name, BtfVarLinkage linkage, params (string Name, uint Type)[] members)
    {
        uint def = Def(members);
        return Entry(Btf.Var(name, def, linkage), (uint)members.Length * 8);
    }

    /// <summary>Puts any type into <c>.maps</c>.</summary>
    public uint Entry(uint type, uint size)
    {
        entries.Add((type, size));
        return type;
    }

    /// <summary>Adds the <c>.maps</c> DATASEC (last) and validates.</summary>
    public IReadOnlyList<MapViolation> Validate()
    {
        AddMapsSection();
        return MapBtfValidator.Validate(Btf.Read());
    }

    /// <summary>Adds the <c>.maps</c> DATASEC (last) and returns the .BTF blob.</summary>
    public byte[] Build()
    {
        AddMapsSection();
        return Btf.Build();
    }

    private void AddMapsSection()
    {
        uint offset = 0;
        var secinfos = new List<(uint Var, uint Offset, uint Size)>();
        foreach (var (type, size) in entries)
        {
            secinfos.Add((type, offset, size));
            offset += size;
        }

        Btf.Datasec(MapBtfValidator.SectionName, offset, [.. secinfos]);
    }
}
