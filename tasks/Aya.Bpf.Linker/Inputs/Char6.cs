namespace Aya.Bpf.Linker.Inputs;

/// <summary>The bitstream's 6-bit character set: a-z, A-Z, 0-9, '.', '_'.</summary>
internal static class Char6
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";

    public static ulong Decode(ulong value) => Alphabet[(int)(value & 63)];
}
