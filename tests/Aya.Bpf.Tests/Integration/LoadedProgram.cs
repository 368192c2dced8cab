namespace Aya.Bpf.Tests.Integration;

/// <summary>A program the kernel accepted, as `bpftool prog show` describes it.</summary>
/// <param name="Name">The kernel's name for it (the function name, cut to 15 characters).</param>
/// <param name="Type">bpftool's name for its type, e.g. "xdp".</param>
/// <param name="BtfId">The id of the BTF object loaded with it; null when it has none.</param>
/// <param name="TestRunReturnValue">What one `bpftool prog run` returned, when a test packet was given.</param>
/// <param name="GplCompatible">Whether the kernel took the program's license for GPL-compatible.</param>
internal sealed record LoadedProgram(string Name, string Type, int? BtfId, long? TestRunReturnValue, bool GplCompatible = false);
