using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.KernelTypes;

/// <summary>The running kernel's own types, read from its BTF by the linker's reader: what bindings and relocations are held to.</summary>
internal static class RunningKernelTypes
{
    /// <summary>The kernel's struct or union of that name (its definition, not a forward declaration).</summary>
    public static BtfCompositeType Composite(string name)
    {
        Assert.IsTrue(BtfReader.TryRead(File.ReadAllBytes(RequiredTool.KernelBtf()), out var btf, out var error), $"{error}");
        return btf!.Types.OfType<BtfCompositeType>().First(t => t.Name == name && t.Size > 0);
    }
}
