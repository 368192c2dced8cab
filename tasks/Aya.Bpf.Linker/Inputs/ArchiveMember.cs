namespace Aya.Bpf.Linker.Inputs;

/// <summary>One member of an ar archive; the symbol table counts as a member so callers can note it.</summary>
internal sealed record ArchiveMember(string Name, bool IsSymbolTable, ReadOnlyMemory<byte> Content);
