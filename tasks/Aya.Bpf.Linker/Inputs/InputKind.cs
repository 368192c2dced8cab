namespace Aya.Bpf.Linker.Inputs;

/// <summary>What an input file is, judged by its content (never by its extension).</summary>
internal enum InputKind
{
    Unknown,
    RawBitcode,
    BitcodeWrapper,
    Elf,
    Archive,
    TextIr,
    Empty,
}
