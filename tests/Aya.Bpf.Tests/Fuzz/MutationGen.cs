using CsCheck;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>A seed input and the mutations applied to it, in order.</summary>
internal sealed record FuzzCase(int SeedIndex, ByteMutation[] Mutations)
{
    public byte[] Build(IReadOnlyList<byte[]> seeds) => Mutations.Aggregate(seeds[SeedIndex], (input, mutation) => mutation.Apply(input));

    public override string ToString() =>
        Mutations.Length == 0 ? $"seed #{SeedIndex} unchanged" : $"seed #{SeedIndex} with {string.Join(", then ", Mutations.AsEnumerable())}";
}

/// <summary>CsCheck generators of mutated inputs: truncations at every length class, bit flips, extreme fields, noise.</summary>
internal static class MutationGen
{
    // The header lengths of the formats read (bitcode magic, wrapper, ELF idents and headers, ar headers, BTF headers) and neighbours.
    private static readonly int[] LengthClasses = [0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 19, 20, 21, 23, 24, 25, 31, 32, 33, 52, 59, 60, 64, 67, 68, 76, 128];

    private static readonly ulong[] Extremes =
        [0, 1, 2, 3, 4, 7, 8, 12, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0xfffff, 0x7fff_ffff, 0x8000_0000, 0xffff_fff0, 0xffff_ffff, 0x1_0000_0000, long.MaxValue, ulong.MaxValue];

    private static readonly Gen<double> Place = Gen.Double[0, 1];

    private static readonly Gen<ByteMutation> Truncations = Gen.OneOf<ByteMutation>(
        Gen.OneOf(LengthClasses).Select(keep => new Truncation(keep, null, 0)),
        Place.Select(fraction => new Truncation(null, fraction, 0)),
        Gen.Int[1, 16].Select(fromEnd => new Truncation(null, null, fromEnd)));

    private static readonly Gen<ByteMutation> Fields = Gen.Select(
        Place, Gen.OneOf(1, 2, 4, 4, 4, 8), Gen.Bool, Gen.Frequency((4, false), (1, true)), Gen.OneOf(Extremes), Gen.Frequency((6, false), (1, true)),
        (at, width, aligned, bigEndian, value, plusLength) => (ByteMutation)new FieldOverwrite(at, width, aligned, bigEndian, plusLength ? value & 3 : value, plusLength));

    private static readonly Gen<ByteMutation> BitFlips = Gen.Select(Place, Gen.Int[0, 7], (at, bit) => (ByteMutation)new BitFlip(at, bit));

    private static readonly Gen<ByteMutation> ByteWrites = Gen.Select(
        Place, Gen.Byte, (at, value) => (ByteMutation)new FieldOverwrite(at, 1, false, false, value, false));

    private static readonly Gen<ByteMutation> Decimals = Gen.Select(
        Place, Gen.OneOf(Gen.OneOf(Extremes), Gen.ULong[0, 100_000]), (at, number) => (ByteMutation)new DecimalOverwrite(at, number));

    private static readonly Gen<ByteMutation> Splices = Gen.Select(
        Place, Gen.Byte.Array[1, 64], Gen.Bool, (at, noise, insert) => (ByteMutation)new Splice(at, noise, insert));

    private static readonly Gen<ByteMutation> Shifts = Gen.Select(
        Place, Gen.Int[-64, 64], (at, count) => (ByteMutation)new Shift(at, count));

    public static readonly Gen<ByteMutation> Mutation = Gen.Frequency(
        (4, Truncations), (5, BitFlips), (3, ByteWrites), (6, Fields), (1, Decimals), (2, Splices), (2, Shifts));

    /// <summary>A seed with 0 to 4 mutations; about one case in five is a seed unchanged, so most cases are near-valid.</summary>
    public static Gen<FuzzCase> Cases(int seedCount) =>
        Gen.Select(Gen.Int[0, seedCount - 1], Mutation.Array[0, 4], (seed, mutations) => new FuzzCase(seed, mutations));
}
