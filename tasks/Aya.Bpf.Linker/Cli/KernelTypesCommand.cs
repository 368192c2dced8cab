using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.KernelTypes;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// The <c>kernel-types</c> command (see <see cref="Usage"/>): writes Rust bindings for kernel types
/// from a BTF file (raw BTF, as /sys/kernel/btf/vmlinux, or an ELF object's .BTF). The file is
/// rewritten only when its text changes, so that cargo does not rebuild the crate for nothing.
/// </summary>
internal static class KernelTypesCommand
{
    public const string Usage = "kernel-types <btf file> <output.rs> <type name>...";

    public static int Run(string[] args, TextWriter output)
    {
        var log = new DiagnosticLog(output);
        if (args is not [var btfPath, var outputPath, .. var names] || names.Length == 0)
        {
            log.Error(DiagnosticCodes.UsageError, $"usage: Aya.Bpf.Linker {Usage}");
            return 2;
        }
        return GeneratedFile.Generate(log, $"the kernel types of {btfPath}", btfPath, DiagnosticCodes.KernelTypesUnavailable, () =>
        {
            if (Read(btfPath, out var error) is not { } btf)
            {
                log.Error(DiagnosticCodes.KernelTypesUnavailable, $"cannot read kernel types from {btfPath}: {error}.", btfPath);
                return 1;
            }
            var text = KernelTypesWriter.Write(btf, names, btfPath, out var missing);
            if (text is null)
            {
                foreach (var name in missing)
                    log.Error(DiagnosticCodes.KernelTypeNotFound, $"the kernel BTF of {btfPath} has no type '{name}' (BpfKernelType): no struct, union, enum or typedef of that name.", btfPath);
                return 1;
            }
            GeneratedFile.WriteIfDifferent(outputPath, text);
            return 0;
        });
    }

    private static BtfData? Read(string path, out string error)
    {
        error = "";
        if (!File.Exists(path))
        {
            error = "no such file (the running kernel's BTF is /sys/kernel/btf/vmlinux; set BpfKernelBtf to another)";
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        // An ELF file (a vmlinux image, an object) carries its BTF in a section.
        var blob = bytes is [0x7f, (byte)'E', (byte)'L', (byte)'F', ..] ? BtfSections.TryRead(bytes)?.Btf : bytes;
        if (blob is null)
        {
            error = "it is an ELF file without a .BTF section";
            return null;
        }
        if (!BtfReader.TryRead(blob, out var btf, out var readError) || btf is null)
        {
            error = $"its BTF cannot be read ({readError})";
            return null;
        }
        return btf;
    }
}
