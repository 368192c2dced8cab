using System.Buffers.Binary;
using System.Text;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// One change to an input. Places are fractions of the input's length (0 to 1), so a mutation drawn
/// without knowing the input fits any input; the record's text names it in a failure report.
/// </summary>
internal abstract record ByteMutation
{
    public abstract byte[] Apply(byte[] input);

    /// <summary>The byte index a fraction names in an input of <paramref name="length"/> bytes (0 for an empty one).</summary>
    protected static int Place(double at, int length) => length == 0 ? 0 : Math.Clamp((int)(at * length), 0, length - 1);
}

/// <summary>Cuts the input to <c>Keep</c> bytes, to a fraction of it, or by <c>FromEnd</c> bytes, whichever is set.</summary>
internal sealed record Truncation(int? Keep, double? Fraction, int FromEnd) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        var length = Keep ?? (Fraction is { } fraction ? (int)(fraction * input.Length) : input.Length - FromEnd);
        return input[..Math.Clamp(length, 0, input.Length)];
    }
}

internal sealed record BitFlip(double At, int Bit) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        if (input.Length == 0)
            return input;
        var copy = (byte[])input.Clone();
        copy[Place(At, copy.Length)] ^= (byte)(1 << (Bit & 7));
        return copy;
    }
}

/// <summary>
/// Writes an integer field of 1, 2, 4 or 8 bytes: a count, length or offset set to an extreme.
/// <c>PlusLength</c> adds the input's length, so "exactly the end" and "one past it" are reachable.
/// </summary>
internal sealed record FieldOverwrite(double At, int Width, bool Aligned, bool BigEndian, ulong Value, bool PlusLength) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        if (input.Length < Width)
            return input;
        var at = Math.Min(Place(At, input.Length), input.Length - Width);
        if (Aligned)
            at -= at % Width;
        var value = PlusLength ? Value + (ulong)input.Length : Value;
        Span<byte> field = stackalloc byte[8];
        if (BigEndian)
            BinaryPrimitives.WriteUInt64BigEndian(field, value << ((8 - Width) * 8));
        else
            BinaryPrimitives.WriteUInt64LittleEndian(field, value);
        var copy = (byte[])input.Clone();
        field[..Width].CopyTo(copy.AsSpan(at));
        return copy;
    }
}

/// <summary>Writes ASCII digits over the input: ar headers keep sizes and name offsets as decimal text.</summary>
internal sealed record DecimalOverwrite(double At, ulong Number) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        var digits = Encoding.ASCII.GetBytes(Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (input.Length < digits.Length)
            return input;
        var copy = (byte[])input.Clone();
        digits.CopyTo(copy, Math.Min(Place(At, input.Length), input.Length - digits.Length));
        return copy;
    }
}

/// <summary>Replaces bytes from a place on with <c>Noise</c> (<c>Insert</c>: puts it there instead, shifting the rest).</summary>
internal sealed record Splice(double At, byte[] Noise, bool Insert) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        var at = input.Length == 0 ? 0 : Place(At, input.Length + 1);
        var kept = Insert ? input[at..] : input[Math.Min(input.Length, at + Noise.Length)..];
        return [.. input[..at], .. Noise, .. kept];
    }

    public override string ToString() => $"Splice {{ At = {At}, Noise = {Convert.ToHexString(Noise)}, Insert = {Insert} }}";
}

/// <summary>Removes <c>Count</c> bytes from a place (negative: repeats them there instead), moving what follows.</summary>
internal sealed record Shift(double At, int Count) : ByteMutation
{
    public override byte[] Apply(byte[] input)
    {
        var at = Place(At, input.Length);
        var count = Math.Min(Math.Abs(Count), input.Length - at);
        return Count >= 0
            ? [.. input[..at], .. input[(at + count)..]]
            : [.. input[..(at + count)], .. input[at..]];
    }
}
