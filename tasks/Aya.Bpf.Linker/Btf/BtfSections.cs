using Aya.Bpf.Linker.Inputs;
using LibObjectFile.Elf;

namespace Aya.Bpf.Linker.Btf;

/// <summary>Finds the <c>.BTF</c> and <c>.BTF.ext</c> sections of a BPF ELF object.</summary>
internal static class BtfSections
{
    public const string BtfName = ".BTF";
    public const string BtfExtName = ".BTF.ext";

    /// <summary>
    /// Reads the ELF object; false when it cannot be read. On success each output is the section's
    /// bytes, or null when the object has no such section.
    /// </summary>
    public static bool TryExtract(byte[] elf, out byte[]? btf, out byte[]? btfExt)
    {
        btf = null;
        btfExt = null;
        ElfFile? file;
        try
        {
            using var stream = new MemoryStream(elf, writable: false);
            if (!ElfFile.TryRead(stream, out file, out _))
            {
                return false;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // LibObjectFile throws on some malformed headers instead of reporting them.
            return false;
        }

        foreach (var section in file.Sections)
        {
            if (section is not ElfStreamSection streamSection || section.Name.Value is not (BtfName or BtfExtName))
            {
                continue;
            }

            byte[] content = ReadOnlyMemoryStream.ReadAll(streamSection.Stream).ToArray();
            if (section.Name.Value == BtfName)
            {
                btf = content;
            }
            else
            {
                btfExt = content;
            }
        }

        return true;
    }
}
