namespace Aya.Bpf.Linker.Inputs;

/// <summary>Bitcode (or text IR) found in an input; Origin is "path" or "path(member)".</summary>
internal sealed record BitcodeBlob(string Origin, ReadOnlyMemory<byte> Content, bool IsTextIr);
