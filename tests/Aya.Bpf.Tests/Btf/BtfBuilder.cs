using System.Buffers.Binary;
using System.Text;
using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>Writes .BTF blobs for tests: types are added in id order (the first is id 1), names are interned.</summary>
internal sealed class BtfBuilder(bool bigEndian = false)
{
    private readonly List<uint> typeWords = [];
    private readonly List<byte> strings = [0];
    private readonly Dictionary<string, uint> interned = new() { [""] = 0 };

    public uint Count { get; private set; }

    public uint Str(string name)
    {
        if (!interned.TryGetValue(name, out uint offset))
        {
            offset = (uint)strings.Count;
            strings.AddRange(Encoding.UTF8.GetBytes(name));
            strings.Add(0);
            interned[name] = offset;
        }

        return offset;
    }

    /// <summary>Adds a raw type: header words, then <paramref name="extra"/> words. Returns its id.</summary>
    public uint Add(string name, BtfKind kind, int vlen, bool kindFlag, uint sizeOrType, params uint[] extra)
    {
        typeWords.AddRange([Str(name), ((uint)kind << 24) | (uint)vlen | (kindFlag ? 0x8000_0000 : 0), sizeOrType, .. extra]);
        return ++Count;
    }

    public uint Int(string name = "int", uint size = 4, uint bits = 32, uint encoding = BtfIntType.Signed, uint bitOffset = 0) =>
        Add(name, BtfKind.Int, 0, false, size, (encoding << 24) | (bitOffset << 16) | bits);

    public uint Ptr(uint target) => Add("", BtfKind.Ptr, 0, false, target);

    public uint Typedef(string name, uint target) => Add(name, BtfKind.Typedef, 0, false, target);

    public uint Const(uint target) => Add("", BtfKind.Const, 0, false, target);

    public uint Array(uint element, uint index, uint count) => Add("", BtfKind.Array, 0, false, 0, element, index, count);

    public uint Struct(string name, uint size, params (string Name, uint Type, uint BitOffset)[] members) =>
        Composite(BtfKind.Struct, name, size, members);

    public uint Union(string name, uint size, params (string Name, uint Type, uint BitOffset)[] members) =>
        Composite(BtfKind.Union, name, size, members);

    public uint Enum(string name, uint size, bool signed, params (string Name, int Value)[] values) =>
        Add(name, BtfKind.Enum, values.Length, signed, size, [.. values.SelectMany(v => new[] { Str(v.Name), (uint)v.Value })]);

    public uint Enum64(string name, params (string Name, ulong Value)[] values) =>
        Add(name, BtfKind.Enum64, values.Length, false, 8, [.. values.SelectMany(v => new[] { Str(v.Name), (uint)v.Value, (uint)(v.Value >> 32) })]);

    public uint Fwd(string name, bool union = false) => Add(name, BtfKind.Fwd, 0, union, 0);

    public uint Proto(uint returnType, params (string Name, uint Type)[] parameters) =>
        Add("", BtfKind.FuncProto, parameters.Length, false, returnType, [.. parameters.SelectMany(p => new[] { Str(p.Name), p.Type })]);

    public uint Func(string name, uint proto, BtfFuncLinkage linkage = BtfFuncLinkage.Global) =>
        Add(name, BtfKind.Func, (int)linkage, false, proto);

    public uint Var(string name, uint type, BtfVarLinkage linkage = BtfVarLinkage.GlobalAllocated) =>
        Add(name, BtfKind.Var, 0, false, type, (uint)linkage);

    public uint Datasec(string name, uint size, params (uint Var, uint Offset, uint Size)[] entries) =>
        Add(name, BtfKind.Datasec, entries.Length, false, size, [.. entries.SelectMany(e => new[] { e.Var, e.Offset, e.Size })]);

    public uint Float(string name, uint size) => Add(name, BtfKind.Float, 0, false, size);

    public uint DeclTag(string value, uint target, int componentIndex) => Add(value, BtfKind.DeclTag, 0, false, target, (uint)componentIndex);

    public uint TypeTag(string value, uint target) => Add(value, BtfKind.TypeTag, 0, false, target);

    /// <summary>The blob: 24-byte header, types, then strings (or <paramref name="stringSection"/> instead).</summary>
    public byte[] Build(byte version = 1, byte flags = 0, byte[]? stringSection = null)
    {
        byte[] types = new byte[typeWords.Count * 4];
        for (int i = 0; i < typeWords.Count; i++)
        {
            Write(types.AsSpan(i * 4), typeWords[i]);
        }

        byte[] stringBytes = stringSection ?? [.. strings];
        byte[] blob = new byte[24 + types.Length + stringBytes.Length];
        Write16(blob, BtfHeader.ExpectedMagic);
        blob[2] = version;
        blob[3] = flags;
        uint[] header = [24, 0, (uint)types.Length, (uint)types.Length, (uint)stringBytes.Length];
        for (int i = 0; i < header.Length; i++)
        {
            Write(blob.AsSpan(4 + (i * 4)), header[i]);
        }

        types.CopyTo(blob, 24);
        stringBytes.CopyTo(blob, 24 + types.Length);
        return blob;
    }

    public BtfData Read()
    {
        Assert.IsTrue(BtfReader.TryRead(Build(), out var btf, out var error), error?.ToString());
        return btf!;
    }

    public IReadOnlyList<BtfViolation> Validate(Version? baseline = null) =>
        BtfValidator.Validate(Read(), baseline is null ? null : new BtfValidationOptions { KernelBaseline = baseline });

    private uint Composite(BtfKind kind, string name, uint size, (string Name, uint Type, uint BitOffset)[] members) =>
        Add(name, kind, members.Length, false, size, [.. members.SelectMany(m => new[] { Str(m.Name), m.Type, m.BitOffset })]);

    private void Write(Span<byte> at, uint value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(at, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
    }

    private void Write16(Span<byte> at, ushort value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(at, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, value);
        }
    }
}
