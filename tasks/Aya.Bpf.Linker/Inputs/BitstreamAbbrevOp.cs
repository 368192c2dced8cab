namespace Aya.Bpf.Linker.Inputs;

internal enum BitstreamAbbrevOpKind
{
    Literal,
    Fixed,
    Vbr,
    Array,
    Char6,
    Blob,
}

/// <summary>One operand of an abbreviation: a literal value, or how to read the value (with its width).</summary>
internal readonly record struct BitstreamAbbrevOp(BitstreamAbbrevOpKind Kind, ulong Value = 0);
