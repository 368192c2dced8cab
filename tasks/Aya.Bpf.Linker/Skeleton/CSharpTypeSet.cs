using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Skeleton;

/// <summary>
/// The C# types that stand for BTF types: primitives for INT and FLOAT, <c>ulong</c> for pointers (BPF
/// pointers are 64-bit), a fixed-length inline array per ARRAY length, and a declared struct or enum for
/// each STRUCT, UNION and ENUM reached. Declared types are referred to fully qualified, so that no
/// member name can hide them.
/// </summary>
internal sealed class CSharpTypeSet(BtfData btf, string qualifier, NameScope typeNames)
{
    private readonly BtfTypeSizes _sizes = new(btf);
    private readonly Dictionary<uint, string> _declared = [];
    private readonly Queue<uint> _toWrite = new();

    public BtfData Btf => btf;

    public BtfTypeSizes Sizes => _sizes;

    /// <summary>The array lengths that need a <c>FixedArrayN&lt;T&gt;</c>.</summary>
    public SortedSet<uint> ArrayLengths { get; } = [];

    /// <summary>
    /// The C# type of <paramref name="id"/>, or null when it has none (void, a function, a forward
    /// declaration, something of no size). <paramref name="nameHint"/> names an anonymous struct.
    /// </summary>
    public string? Reference(uint id, string nameHint)
    {
        var type = _sizes.SkipModifiers(id);
        switch (type)
        {
            case BtfIntType integer:
                return Integer(integer.Size, (integer.Encoding & BtfIntType.Signed) != 0, (integer.Encoding & BtfIntType.Bool) != 0);
            case BtfFloatType { Size: 2 }:
                return "global::System.Half";
            case BtfFloatType { Size: 4 }:
                return "float";
            case BtfFloatType { Size: 8 }:
                return "double";
            case BtfReferenceType { Kind: BtfKind.Ptr }:
                return "ulong";
            case BtfArrayType { Count: > 0 } array when Reference(array.ElementType, nameHint) is { } element:
                ArrayLengths.Add(array.Count);
                return $"{qualifier}FixedArray{array.Count}<{element}>";
            case BtfCompositeType { Size: > 0 } or BtfEnumType { Size: 1 or 2 or 4 or 8 }:
                return qualifier + Declare(type, nameHint);
            default:
                return null;
        }
    }

    /// <summary>The C# name declared for a STRUCT, UNION or ENUM reached so far; null for others.</summary>
    public string? DeclaredName(uint id) => _declared.GetValueOrDefault(id);

    /// <summary>The next declared type whose declaration is still to be written; false when all are.</summary>
    public bool TryNextDeclaration(out BtfType type, out string name)
    {
        if (_toWrite.TryDequeue(out var id))
        {
            type = btf.TypeById(id)!;
            name = _declared[id];
            return true;
        }
        (type, name) = (null!, "");
        return false;
    }

    /// <summary>The C# integer type of that size and signedness, <c>bool</c> for a BTF bool, null for other sizes.</summary>
    public static string? Integer(uint size, bool signed, bool isBool = false) => size switch
    {
        1 when isBool => "bool",
        1 => signed ? "sbyte" : "byte",
        2 => signed ? "short" : "ushort",
        4 => signed ? "int" : "uint",
        8 => signed ? "long" : "ulong",
        16 => signed ? "global::System.Int128" : "global::System.UInt128",
        _ => null,
    };

    private string Declare(BtfType type, string nameHint)
    {
        if (_declared.TryGetValue(type.Id, out var name))
            return name;
        name = typeNames.Take(type.Name is { Length: > 0 } named ? CSharpNames.Pascal(named) : nameHint);
        _declared[type.Id] = name;
        _toWrite.Enqueue(type.Id);
        return name;
    }
}
