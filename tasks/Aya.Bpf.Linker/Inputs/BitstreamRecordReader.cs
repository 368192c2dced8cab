namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Reads abbreviation definitions and records of a bitstream block. A record comes out as a list
/// whose first value is the record code. Everything is bounded so garbage cannot exhaust memory.
/// </summary>
internal static class BitstreamRecordReader
{
    // Far above what the blocks we read hold (a producer string, an epoch), far below harm.
    public const int MaxRecordValues = 1 << 16;
    public const int MaxAbbrevOps = 256;

    private const int OperandVbrWidth = 6;

    public static bool TryReadUnabbreviated(ref BitstreamCursor cursor, List<ulong> values)
    {
        values.Add(cursor.ReadVbr(OperandVbrWidth));
        var count = cursor.ReadVbr(OperandVbrWidth);
        if (cursor.Failed || count > MaxRecordValues || count * OperandVbrWidth > (ulong)cursor.RemainingBits)
        {
            return false;
        }

        for (var i = 0UL; i < count && !cursor.Failed; i++)
        {
            values.Add(cursor.ReadVbr(OperandVbrWidth));
        }

        return !cursor.Failed;
    }

    /// <summary>Reads a DEFINE_ABBREV body and checks its shape as LLVM does.</summary>
    public static BitstreamAbbrevOp[]? TryReadAbbrevDefinition(ref BitstreamCursor cursor)
    {
        var count = cursor.ReadVbr(5);
        if (cursor.Failed || count is 0 or > MaxAbbrevOps)
        {
            return null;
        }

        var ops = new BitstreamAbbrevOp[count];
        for (var i = 0; i < ops.Length; i++)
        {
            var op = TryReadAbbrevOp(ref cursor);
            if (op is null)
            {
                return null;
            }

            ops[i] = op.Value;
        }

        return HasValidShape(ops) ? ops : null;
    }

    public static bool TryReadAbbreviated(ref BitstreamCursor cursor, BitstreamAbbrevOp[] abbrev, List<ulong> values)
    {
        for (var i = 0; i < abbrev.Length && !cursor.Failed; i++)
        {
            var op = abbrev[i];
            switch (op.Kind)
            {
                case BitstreamAbbrevOpKind.Array:
                    // The element encoding is the next (and last) op.
                    if (!TryReadArray(ref cursor, abbrev[++i], values))
                    {
                        return false;
                    }

                    break;
                case BitstreamAbbrevOpKind.Blob:
                    if (!TryReadBlob(ref cursor, values))
                    {
                        return false;
                    }

                    break;
                default:
                    values.Add(ReadScalar(ref cursor, op));
                    break;
            }

            if (values.Count > MaxRecordValues)
            {
                return false;
            }
        }

        return !cursor.Failed;
    }

    private static BitstreamAbbrevOp? TryReadAbbrevOp(ref BitstreamCursor cursor)
    {
        var isLiteral = cursor.ReadFixed(1) == 1;
        if (isLiteral)
        {
            var literal = cursor.ReadVbr(8);
            return cursor.Failed ? null : new BitstreamAbbrevOp(BitstreamAbbrevOpKind.Literal, literal);
        }

        var encoding = cursor.ReadFixed(3);
        BitstreamAbbrevOp? op = encoding switch
        {
            1 => WidthOp(BitstreamAbbrevOpKind.Fixed, cursor.ReadVbr(5), maxWidth: 64),
            2 => WidthOp(BitstreamAbbrevOpKind.Vbr, cursor.ReadVbr(5), maxWidth: 32),
            3 => new BitstreamAbbrevOp(BitstreamAbbrevOpKind.Array),
            4 => new BitstreamAbbrevOp(BitstreamAbbrevOpKind.Char6),
            5 => new BitstreamAbbrevOp(BitstreamAbbrevOpKind.Blob),
            _ => null,
        };
        return cursor.Failed ? null : op;
    }

    private static BitstreamAbbrevOp? WidthOp(BitstreamAbbrevOpKind kind, ulong width, ulong maxWidth) =>
        width switch
        {
            // LLVM turns a zero-width field into the literal 0.
            0 => new BitstreamAbbrevOp(BitstreamAbbrevOpKind.Literal, 0),
            1 when kind == BitstreamAbbrevOpKind.Vbr => null,
            _ when width > maxWidth => null,
            _ => new BitstreamAbbrevOp(kind, width),
        };

    private static bool HasValidShape(BitstreamAbbrevOp[] ops)
    {
        // The first op is the record code: it cannot be an aggregate.
        if (ops[0].Kind is BitstreamAbbrevOpKind.Array or BitstreamAbbrevOpKind.Blob)
        {
            return false;
        }

        for (var i = 1; i < ops.Length; i++)
        {
            switch (ops[i].Kind)
            {
                case BitstreamAbbrevOpKind.Array:
                    // An array is followed by exactly its element op, a scalar.
                    if (i != ops.Length - 2 || ops[i + 1].Kind is BitstreamAbbrevOpKind.Array or BitstreamAbbrevOpKind.Blob)
                    {
                        return false;
                    }

                    return true;
                case BitstreamAbbrevOpKind.Blob:
                    if (i != ops.Length - 1)
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool TryReadArray(ref BitstreamCursor cursor, BitstreamAbbrevOp element, List<ulong> values)
    {
        var count = cursor.ReadVbr(OperandVbrWidth);
        var elementBits = element.Kind switch
        {
            BitstreamAbbrevOpKind.Fixed or BitstreamAbbrevOpKind.Vbr => element.Value,
            BitstreamAbbrevOpKind.Char6 => 6UL,
            _ => 0UL,
        };
        if (cursor.Failed || count > MaxRecordValues || count * elementBits > (ulong)cursor.RemainingBits)
        {
            return false;
        }

        for (var i = 0UL; i < count && !cursor.Failed; i++)
        {
            values.Add(ReadScalar(ref cursor, element));
        }

        return !cursor.Failed;
    }

    private static bool TryReadBlob(ref BitstreamCursor cursor, List<ulong> values)
    {
        var length = cursor.ReadVbr(OperandVbrWidth);
        cursor.AlignTo32Bits();
        if (cursor.Failed || length > MaxRecordValues || length * 8 > (ulong)cursor.RemainingBits)
        {
            return false;
        }

        for (var i = 0UL; i < length; i++)
        {
            values.Add(cursor.ReadFixed(8));
        }

        cursor.AlignTo32Bits();
        return !cursor.Failed;
    }

    private static ulong ReadScalar(ref BitstreamCursor cursor, BitstreamAbbrevOp op) =>
        op.Kind switch
        {
            BitstreamAbbrevOpKind.Literal => op.Value,
            BitstreamAbbrevOpKind.Fixed => cursor.ReadFixed((int)op.Value),
            BitstreamAbbrevOpKind.Vbr => cursor.ReadVbr((int)op.Value),
            BitstreamAbbrevOpKind.Char6 => Char6.Decode(cursor.ReadFixed(6)),
            _ => 0,
        };
}
