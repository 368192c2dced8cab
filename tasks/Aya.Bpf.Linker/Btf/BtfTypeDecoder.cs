namespace Aya.Bpf.Linker.Btf;

/// <summary>Decodes the type section: each struct btf_type and the kind-specific data after it.</summary>
internal static class BtfTypeDecoder
{
    private const int TypeHeaderSize = 12;

    public static bool TryDecodeAll(BtfByteReader reader, int start, int length, BtfStringTable strings, out IReadOnlyList<BtfType> types, out BtfReadError? error)
    {
        var list = new List<BtfType>();
        types = list;
        int end = start + length;
        int at = start;
        // Every iteration consumes at least the 12-byte header, so the loop ends.
        while (at < end)
        {
            if (end - at < TypeHeaderSize)
            {
                error = new BtfReadError(at, $"type [{list.Count + 1}] is truncated: {end - at} bytes left of the 12-byte btf_type");
                return false;
            }

            uint nameOffset = reader.U32(at);
            var header = new BtfTypeHeader((uint)list.Count + 1, at, nameOffset, strings.At(nameOffset), reader.U32(at + 4), reader.U32(at + 8));
            int extra = ExtraSize(header);
            if (extra < 0)
            {
                error = new BtfReadError(at + 4, $"type [{header.Id}] has unknown kind {(int)header.Kind}");
                return false;
            }

            int dataAt = at + TypeHeaderSize;
            if (end - dataAt < extra)
            {
                error = new BtfReadError(dataAt, $"type [{header.Id}] {BtfKindNames.Of(header.Kind)} is truncated: needs {extra} bytes after its header, {end - dataAt} left");
                return false;
            }

            list.Add(Decode(reader, header, dataAt, strings));
            at = dataAt + extra;
        }

        error = null;
        return true;
    }

    /// <summary>Bytes of kind-specific data after the header; -1 for a kind we cannot size.</summary>
    private static int ExtraSize(BtfTypeHeader header) => header.Kind switch
    {
        BtfKind.Int or BtfKind.Var or BtfKind.DeclTag => 4,
        BtfKind.Array => 12,
        BtfKind.Struct or BtfKind.Union or BtfKind.Datasec or BtfKind.Enum64 => header.Vlen * 12,
        BtfKind.Enum or BtfKind.FuncProto => header.Vlen * 8,
        BtfKind.Ptr or BtfKind.Fwd or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict
            or BtfKind.Func or BtfKind.Float or BtfKind.TypeTag => 0,
        _ => -1,
    };

    private static BtfType Decode(BtfByteReader r, BtfTypeHeader h, int at, BtfStringTable strings) => h.Kind switch
    {
        BtfKind.Int => new BtfIntType(h, r.U32(at)),
        BtfKind.Array => new BtfArrayType(h, r.U32(at), r.U32(at + 4), r.U32(at + 8)),
        BtfKind.Struct or BtfKind.Union => new BtfCompositeType(h, Records(h.Vlen, at, 12, i =>
            new BtfMember(r.U32(i), strings.At(r.U32(i)), r.U32(i + 4), r.U32(i + 8), h.KindFlag))),
        BtfKind.Enum => new BtfEnumType(h, Records(h.Vlen, at, 8, i =>
            new BtfEnumValue(r.U32(i), strings.At(r.U32(i)), h.KindFlag ? (ulong)(long)(int)r.U32(i + 4) : r.U32(i + 4)))),
        // btf_enum64 stores the low 32 bits first, then the high 32 bits.
        BtfKind.Enum64 => new BtfEnumType(h, Records(h.Vlen, at, 12, i =>
            new BtfEnumValue(r.U32(i), strings.At(r.U32(i)), r.U32(i + 4) | ((ulong)r.U32(i + 8) << 32)))),
        BtfKind.Fwd => new BtfFwdType(h),
        BtfKind.Func => new BtfFuncType(h),
        BtfKind.FuncProto => new BtfFuncProtoType(h, Records(h.Vlen, at, 8, i =>
            new BtfParam(r.U32(i), strings.At(r.U32(i)), r.U32(i + 4)))),
        BtfKind.Var => new BtfVarType(h, r.U32(at)),
        BtfKind.Datasec => new BtfDatasecType(h, Records(h.Vlen, at, 12, i =>
            new BtfDatasecEntry(r.U32(i), r.U32(i + 4), r.U32(i + 8)))),
        BtfKind.Float => new BtfFloatType(h),
        BtfKind.DeclTag => new BtfDeclTagType(h, (int)r.U32(at)),
        _ => new BtfReferenceType(h),
    };

    private static List<T> Records<T>(int count, int at, int recordSize, Func<int, T> read)
    {
        var records = new List<T>(count);
        for (int i = 0; i < count; i++)
        {
            records.Add(read(at + (i * recordSize)));
        }

        return records;
    }
}
