namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Bitcode (or text IR) found in an input; Origin is "path" or "path(member)". CompiledForHost: the
/// Rust of a host build (BpfRustBuild=host), for the host's target, which the link retargets to BPF.
/// </summary>
internal sealed record BitcodeBlob(string Origin, ReadOnlyMemory<byte> Content, bool IsTextIr, bool CompiledForHost = false);
