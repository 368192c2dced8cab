using Aya.Bpf.Linker.Inputs;
using LibObjectFile.Elf;

namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The BTF sections of a BPF ELF object, the sizes of all its sections by name, the names of its
/// GLOBAL or WEAK data symbols with their offsets (libbpf finds a non-static VAR's ELF symbol by name and
/// takes its offset from it), its GLOBAL functions with their sections (libbpf's programs are those
/// outside <c>.text</c>), and the sizes of its executable sections, where programs and CO-RE records live.
/// </summary>
internal sealed record BtfSections(
    byte[]? Btf,
    byte[]? BtfExt,
    IReadOnlyDictionary<string, uint> SectionSizes,
    IReadOnlyDictionary<string, uint> GlobalDataSymbols,
    IReadOnlyList<(string Name, string Section, bool Executable)> GlobalFunctions,
    IReadOnlyDictionary<string, uint> CodeSectionSizes)
{
    public const string BtfName = ".BTF";
    public const string BtfExtName = ".BTF.ext";

    /// <summary>
    /// Reads the ELF object; false when it cannot be read. On success each output is the section's
    /// bytes, or null when the object has no such section.
    /// </summary>
    public static bool TryExtract(byte[] elf, out byte[]? btf, out byte[]? btfExt)
    {
        var sections = TryRead(elf);
        btf = sections?.Btf;
        btfExt = sections?.BtfExt;
        return sections is not null;
    }

    /// <summary>Reads the ELF object; null when it cannot be read.</summary>
    public static BtfSections? TryRead(byte[] elf)
    {
        ElfFile? file;
        try
        {
            using var stream = new MemoryStream(elf, writable: false);
            if (!ElfFile.TryRead(stream, out file, out _))
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // LibObjectFile throws on some malformed headers instead of reporting them.
            return null;
        }

        byte[]? btf = null, btfExt = null;
        var sizes = new Dictionary<string, uint>(StringComparer.Ordinal);
        var codeSizes = new Dictionary<string, uint>(StringComparer.Ordinal);
        var globalData = new Dictionary<string, uint>(StringComparer.Ordinal);
        var functions = new List<(string Name, string Section, bool Executable)>();
        foreach (var section in file.Sections)
        {
            if (section is ElfSymbolTable symbols)
            {
                foreach (var symbol in symbols.Entries.Where(s => s.Type == ElfSymbolType.Object && s.Bind is ElfSymbolBind.Global or ElfSymbolBind.Weak))
                {
                    globalData.TryAdd(symbol.Name.Value ?? "", (uint)symbol.Value);
                }
                foreach (var symbol in symbols.Entries.Where(s => s.Type == ElfSymbolType.Function && s.Bind == ElfSymbolBind.Global && s.SectionLink.Section is not null))
                {
                    var home = symbol.SectionLink.Section!;
                    functions.Add((symbol.Name.Value ?? "", home.Name.Value ?? "", (home.Flags & ElfSectionFlags.Executable) != 0));
                }
            }
            if (section.Name.Value is { Length: > 0 } name)
            {
                sizes.TryAdd(name, (uint)section.Size);
                if ((section.Flags & ElfSectionFlags.Executable) != 0)
                {
                    codeSizes.TryAdd(name, (uint)section.Size);
                }
            }
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

        return new BtfSections(btf, btfExt, sizes, globalData, functions, codeSizes);
    }
}
