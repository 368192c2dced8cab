namespace Aya.Bpf.Linker.Inputs;

/// <summary>The abbreviation ids every bitstream block understands; ids from 4 up name defined abbreviations.</summary>
internal static class BitstreamAbbrevId
{
    public const ulong EndBlock = 0;
    public const ulong EnterSubblock = 1;
    public const ulong DefineAbbrev = 2;
    public const ulong UnabbreviatedRecord = 3;
    public const ulong FirstDefined = 4;
}
