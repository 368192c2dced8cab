using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// One reader under fuzzing: valid seed inputs, the codes it documents for bad input, and how the link
/// calls it. <c>Read</c> returns what it reported; a diagnostic is the only way it may refuse an input.
/// </summary>
internal sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, IReadOnlySet<string> Codes, Func<byte[], IReadOnlyList<Diagnostic>> Read);
