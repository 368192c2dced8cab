namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// One BTF-defined map that libbpf (or the kernel, at map creation) would refuse.
/// </summary>
/// <param name="MapName">The map's VAR name (for a problem in an inner map, the outer map's name; <c>#N</c> when it has none).</param>
/// <param name="TypeId">The BTF id of the map's VAR (of the DATASEC entry's type when that is not a VAR).</param>
/// <param name="Message">libbpf's warning text where libbpf has one, e.g. <c>map 'X': unknown field 'foo'.</c></param>
internal sealed record MapViolation(string MapName, uint TypeId, string Message)
{
    public override string ToString() => Message;
}
