using System.Buffers.Binary;
using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Integration;

/// <summary>The few ELF header fields, and the section names, the tests check on a built object.</summary>
internal static class ElfObjectHeader
{
    /// <summary>e_machine of a BPF object (EM_BPF).</summary>
    public const ushort BpfMachine = 247;

    private static readonly byte[] Magic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    private const int MachineOffset = 18;

    /// <summary>True when the file starts with the ELF magic.</summary>
    public static bool HasElfMagic(string path)
    {
        byte[] header = ReadHeader(path);
        return header.AsSpan().StartsWith(Magic);
    }

    /// <summary>e_machine, read little-endian as bpfel objects are written.</summary>
    public static ushort Machine(string path)
    {
        byte[] header = ReadHeader(path);
        return header.Length < MachineOffset + 2
            ? (ushort)0
            : BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(MachineOffset));
    }

    /// <summary>The names of the object's sections, in section header order.</summary>
    public static IReadOnlyList<string> SectionNames(string path)
    {
        using FileStream stream = File.OpenRead(path);
        Assert.IsTrue(ElfFile.TryRead(stream, out ElfFile? file, out _) && file is not null, $"{path} is not a readable ELF file.");
        return [.. file.Sections.Select(section => section.Name.Value).OfType<string>().Where(name => name.Length > 0)];
    }

    /// <summary>The object's symbol <paramref name="name"/>: its section, offset in it, size and whether it is global; null when there is none.</summary>
    public static ElfObjectSymbol? Symbol(string path, string name)
    {
        using FileStream stream = File.OpenRead(path);
        Assert.IsTrue(ElfFile.TryRead(stream, out ElfFile? file, out _) && file is not null, $"{path} is not a readable ELF file.");
        return file.Sections.OfType<ElfSymbolTable>().SelectMany(table => table.Entries)
            .Where(symbol => symbol.Name.Value == name)
            .Select(symbol => new ElfObjectSymbol(symbol.SectionLink.Section?.Name.Value ?? "", symbol.Value, symbol.Size, symbol.Bind == ElfSymbolBind.Global))
            .FirstOrDefault();
    }

    private static byte[] ReadHeader(string path)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] header = new byte[64];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return header[..read];
    }
}

/// <summary>A symbol of an ELF object, as the tests check it.</summary>
internal sealed record ElfObjectSymbol(string Section, ulong Offset, ulong Size, bool IsGlobal);
