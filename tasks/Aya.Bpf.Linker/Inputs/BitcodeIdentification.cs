namespace Aya.Bpf.Linker.Inputs;

/// <summary>What a bitcode file says about its writer: e.g. "LLVM22.1.2-rust-1.95.0-stable", epoch 0.</summary>
internal readonly record struct BitcodeIdentification(string Producer, ulong? Epoch);
