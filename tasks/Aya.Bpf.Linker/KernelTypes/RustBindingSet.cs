using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>
/// The Rust types that stand for kernel BTF types, and which of them need a declaration: a struct or
/// union used by value gets its full definition (and so does every type it holds by value), one
/// reached only through pointers an opaque declaration, so that asking for task_struct does not bring
/// in the whole kernel. Enums are integer aliases with a constant per value (the kernel may hold
/// values the enum does not list), typedefs are aliases.
/// </summary>
internal sealed class RustBindingSet(BtfData btf)
{
    private readonly BtfTypeSizes _sizes = new(btf);
    private readonly Dictionary<uint, string> _names = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, RustLayout> _layouts = [];
    private readonly HashSet<uint> _inProgress = [];
    private readonly HashSet<uint> _enums = [];

    public BtfData Btf => btf;

    /// <summary>Structs and unions with a full definition, in the order they were reached.</summary>
    public List<(uint Id, string Name, RustLayout Layout)> Definitions { get; } = [];

    /// <summary>Typedef aliases, enum aliases, in the order reached.</summary>
    public List<(string Name, string Target)> Aliases { get; } = [];

    /// <summary>Enums, as the integer alias's name and their values.</summary>
    public List<(string Name, BtfEnumType Type)> Enums { get; } = [];

    /// <summary>Structs and unions reached only through pointers (and FWDs).</summary>
    public IEnumerable<string> Opaque =>
        _names.Where(n => btf.TypeById(n.Key) is BtfCompositeType or BtfFwdType && !_layouts.ContainsKey(n.Key)).Select(n => n.Value).Order(StringComparer.Ordinal);

    public RustType Reference(uint id, string hint, bool byValue)
    {
        var type = btf.TypeById(id);
        switch (type)
        {
            case null:
                return RustType.Opaque;
            case BtfIntType integer:
                return Integer(integer);
            case BtfFloatType { Size: 4 }:
                return new RustType("f32", 4, 4);
            case BtfFloatType { Size: 8 }:
                return new RustType("f64", 8, 8);
            case BtfFloatType floating:
                return RustType.Bytes(floating.Size);
            case BtfReferenceType { Kind: BtfKind.Ptr } pointer:
                return Pointer(pointer, hint);
            case BtfReferenceType { Kind: BtfKind.Typedef } typedef:
                return Typedef(typedef, byValue);
            case BtfReferenceType modifier:
                return Reference(modifier.Type, hint, byValue);
            case BtfArrayType array:
                var element = Reference(array.ElementType, hint, byValue);
                return new RustType($"[{element.Text}; {array.Count}]", element.Size * array.Count, element.Align);
            case BtfCompositeType composite:
                return Composite(composite, hint, byValue);
            case BtfEnumType enumeration:
                return Enum(enumeration, hint);
            case BtfFwdType forward:
                return new RustType(NameOf(forward, hint), 0, 1);
            default:
                // A function type is only ever behind a pointer, which Pointer makes a c_void pointer.
                return RustType.Opaque;
        }
    }

    private RustType Pointer(BtfReferenceType pointer, string hint)
    {
        var target = btf.TypeById(pointer.Type);
        var constant = target is { Kind: BtfKind.Const };
        var pointee = _sizes.SkipModifiers(pointer.Type) is BtfFuncProtoType ? RustType.Opaque : Reference(pointer.Type, hint, byValue: false);
        return new RustType($"{(constant ? "*const" : "*mut")} {pointee.Text}", 8, 8);
    }

    private RustType Typedef(BtfReferenceType typedef, bool byValue)
    {
        var name = typedef.Name ?? "";
        // The kernel's u32, bool... name Rust's own types: an alias would shadow them, and needs none.
        if (RustNames.IsPrimitive(name))
            return Reference(typedef.Type, name, byValue);
        var target = btf.TypeById(typedef.Type);
        // typedef struct { ... } atomic_t: the struct takes the typedef's name; typedef struct foo foo needs no alias.
        if (target is BtfCompositeType or BtfEnumType && (target.Name is not { Length: > 0 } || target.Name == name) && !_names.ContainsKey(target.Id))
            _names[target.Id] = Take(name);
        if (target is not null && _names.TryGetValue(target.Id, out var targetName) && targetName == name)
            return Reference(typedef.Type, name, byValue);
        if (_names.TryGetValue(typedef.Id, out var alias))
            return Reference(typedef.Type, name, byValue) with { Text = alias };
        _names[typedef.Id] = alias = Take(name);
        var aliased = Reference(typedef.Type, name, byValue);
        Aliases.Add((alias, aliased.Text));
        return aliased with { Text = alias };
    }

    private RustType Composite(BtfCompositeType composite, string hint, bool byValue)
    {
        var name = NameOf(composite, hint);
        if (!byValue || composite.Size == 0)
            return _layouts.TryGetValue(composite.Id, out var known) ? known.TypeNamed(name) : new RustType(name, composite.Size, 1);
        if (_layouts.TryGetValue(composite.Id, out var layout))
            return layout.TypeNamed(name);
        if (!_inProgress.Add(composite.Id))
            return new RustType(name, composite.Size, 1);
        layout = RustLayoutPlanner.Plan(composite, name, (member, memberHint) => Reference(member, memberHint, byValue: true));
        _inProgress.Remove(composite.Id);
        _layouts[composite.Id] = layout;
        Definitions.Add((composite.Id, name, layout));
        return layout.TypeNamed(name);
    }

    private RustType Enum(BtfEnumType enumeration, string hint)
    {
        var name = NameOf(enumeration, hint);
        if (_enums.Add(enumeration.Id))
        {
            Aliases.Add((name, IntegerText(enumeration.Size, enumeration.IsSigned)));
            Enums.Add((name, enumeration));
        }
        return new RustType(name, enumeration.Size, Math.Max(1, enumeration.Size));
    }

    private string NameOf(BtfType type, string hint)
    {
        if (!_names.TryGetValue(type.Id, out var name))
            _names[type.Id] = name = Take(type.Name is { Length: > 0 } named ? named : hint);
        return name;
    }

    // A kernel name keeps its spelling; a second type of the same name (C's tag namespaces are separate) gets a number.
    private string Take(string wanted)
    {
        var name = RustNames.Identifier(wanted);
        for (var n = 1; !_taken.Add(name); n++)
            name = RustNames.Identifier($"{wanted}_{n}");
        return name;
    }

    private static RustType Integer(BtfIntType integer) => integer switch
    {
        { Size: 1 } when (integer.Encoding & BtfIntType.Bool) != 0 => new RustType("bool", 1, 1),
        { Size: 1 or 2 or 4 or 8 or 16 } => new RustType(IntegerText(integer.Size, (integer.Encoding & BtfIntType.Signed) != 0), integer.Size, integer.Size),
        _ => RustType.Bytes(integer.Size),
    };

    private static string IntegerText(uint size, bool signed) => size switch
    {
        1 or 2 or 4 or 8 or 16 => $"{(signed ? 'i' : 'u')}{size * 8}",
        _ => $"[u8; {size}]",
    };
}
