using System.Buffers.Binary;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Checks that an ELF object's header, section and program header tables, and every section's bytes, lie
/// inside the file, before LibObjectFile reads it. LibObjectFile trusts the header's counts and allocates
/// for every header they claim: a 488-byte file claiming 65535 sections made it allocate 86 MB.
/// </summary>
internal static class ElfLayout
{
    private const int IdentLength = 16;
    private const byte Class32 = 1;
    private const byte Class64 = 2;
    private const byte LittleEndian = 1;
    private const byte BigEndian = 2;
    private const uint SectionTypeNull = 0;
    private const uint SectionTypeNote = 7;
    private const uint SectionTypeNoBits = 8;
    private const int NoteHeaderLength = 12;

    /// <summary>What is wrong with the layout (a phrase about the file), or null when every table and section fits.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < IdentLength)
            return $"is {elf.Length} bytes long, shorter than the {IdentLength}-byte ELF identification";
        if (elf[4] is not (Class32 or Class64))
            return $"is not a readable ELF object: its ELF class {elf[4]} is neither 32- nor 64-bit";
        if (elf[5] is not (LittleEndian or BigEndian))
            return $"is not a readable ELF object: its data encoding {elf[5]} is neither little- nor big-endian";

        var header = new Fields(elf, is64: elf[4] == Class64, bigEndian: elf[5] == BigEndian);
        var headerLength = header.Is64 ? 64 : 52;
        if (elf.Length < headerLength)
            return $"is truncated: {elf.Length} bytes, shorter than its {headerLength}-byte ELF header";

        var programHeaders = header.Is64 ? header.U64(32) : header.U32(28);
        var sectionHeaders = header.Is64 ? header.U64(40) : header.U32(32);
        var at = header.Is64 ? 54 : 42;
        var programEntry = header.U16(at);
        var programCount = header.U16(at + 2);
        var sectionEntry = header.U16(at + 4);
        ulong sectionCount = header.U16(at + 6);
        var expectedSectionEntry = header.Is64 ? 64 : 40;

        if (programCount != 0 && !Fits(elf, programHeaders, (ulong)programCount * programEntry))
            return $"is truncated or corrupt: its {programCount} program headers at byte {programHeaders} run past its {elf.Length} bytes";
        if (sectionHeaders == 0)
            return null;
        if (sectionEntry != expectedSectionEntry)
            return $"is not a readable ELF object: its section headers are {sectionEntry} bytes each, not {expectedSectionEntry}";
        if (!Fits(elf, sectionHeaders, (ulong)sectionEntry))
            return $"is truncated or corrupt: its section headers at byte {sectionHeaders} lie past its {elf.Length} bytes";
        // Extended numbering: with 0 in the header, section 0's sh_size holds the count.
        if (sectionCount == 0)
            sectionCount = header.Is64 ? header.U64((int)sectionHeaders + 32) : header.U32((int)sectionHeaders + 20);
        if (!Fits(elf, sectionHeaders, sectionCount * sectionEntry))
            return $"is truncated or corrupt: its {sectionCount} section headers at byte {sectionHeaders} run past its {elf.Length} bytes";

        for (var i = 1; i < (int)sectionCount; i++)
        {
            var entry = (int)sectionHeaders + (i * sectionEntry);
            var type = header.U32(entry + 4);
            var offset = header.Is64 ? header.U64(entry + 24) : header.U32(entry + 16);
            var size = header.Is64 ? header.U64(entry + 32) : header.U32(entry + 20);
            if (type is not (SectionTypeNull or SectionTypeNoBits) && !Fits(elf, offset, size))
                return $"is truncated or corrupt: its section #{i} claims bytes {offset}..{offset + size}, but it has only {elf.Length} bytes";
            var alignment = header.Is64 ? header.U64(entry + 48) : header.U32(entry + 32);
            if (type == SectionTypeNote && FindNoteProblem(header, (int)offset, (int)size, alignment == 8 ? 8 : 4) is { } noteProblem)
                return $"is corrupt: its note section #{i} {noteProblem}";
        }

        return null;
    }

    /// <summary>
    /// Each note is namesz, descsz and type (u32s), then the name and the description, each padded to 4
    /// bytes (8 in a section aligned to 8); only notes claiming more than the section holds are refused.
    /// LibObjectFile allocates what namesz and descsz claim: 1.7 GB for a 424-byte object whose string
    /// table had become a note section by a bit flip.
    /// </summary>
    private static string? FindNoteProblem(Fields header, int offset, int size, int padding)
    {
        var at = 0L;
        while (size - at >= NoteHeaderLength)
        {
            var nameLength = header.U32(offset + (int)at);
            var descriptionLength = header.U32(offset + (int)at + 4);
            var noteLength = NoteHeaderLength + Padded(nameLength, padding) + Padded(descriptionLength, padding);
            if (noteLength > size - at)
                return $"holds a note at byte {at} of {noteLength} bytes, past the section's {size}";
            at += noteLength;
        }

        return null;
    }

    private static long Padded(uint length, int padding) => ((long)length + padding - 1) & -padding;

    private static bool Fits(ReadOnlySpan<byte> elf, ulong offset, ulong length) =>
        offset <= (ulong)elf.Length && length <= (ulong)elf.Length - offset;

    private readonly ref struct Fields(ReadOnlySpan<byte> bytes, bool is64, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public bool Is64 { get; } = is64;

        public ushort U16(int at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(_bytes[at..]);

        public uint U32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_bytes[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(_bytes[at..]);

        public ulong U64(int at) => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(_bytes[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(_bytes[at..]);
    }
}
