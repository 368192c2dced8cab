using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// Every map in one <c>.maps</c> section. A map written the BTF way in Rust is an immutable static,
/// which LLVM puts in a read-only <c>.maps</c>; the maps the link rewrote, and C's, are writable
/// globals, which go to a writable <c>.maps</c>. Two sections of one name with overlapping offsets
/// are not an object libbpf reads, so every global in <c>.maps</c> becomes writable, as clang's are
/// (libbpf never reads their contents: the definition is in BTF).
/// </summary>
internal static class MapsSection
{
    /// <returns>How many maps were made writable.</returns>
    public static int Unify(LlvmModule module)
    {
        var changed = 0;
        foreach (var global in module.Variables.Where(v => v.Section == MapBtfValidator.SectionName && v.IsConstant))
        {
            global.SetConstant(false);
            changed++;
        }
        return changed;
    }
}
