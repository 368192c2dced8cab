namespace Aya.Bpf.Linker.Btf;

/// <summary>The DATASEC size the kernel will see once libbpf has replaced LLVM's 0 with the ELF section's size.</summary>
internal static class DatasecSizes
{
    public static uint AsKernelSees(BtfDatasecType type, BtfValidationOptions options) =>
        type.Size == 0 && options.SectionSizes.TryGetValue(type.Name ?? "", out uint elfSize) ? elfSize : type.Size;
}
