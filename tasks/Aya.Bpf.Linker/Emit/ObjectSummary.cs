using LibObjectFile.Elf;

namespace Aya.Bpf.Linker.Emit;

/// <summary>Describes the written object for the build log: its sections and their sizes.</summary>
internal static class ObjectSummary
{
    public static string DescribeSections(byte[] elf)
    {
        using var stream = new MemoryStream(elf, writable: false);
        if (!ElfFile.TryRead(stream, out var file, out _) || file is null)
            return "(unreadable)";
        var sections = file.Sections
            .Where(s => s.Name.Value is { Length: > 0 } && !s.Name.Value.StartsWith(".rel", StringComparison.Ordinal))
            .Select(s => $"{s.Name.Value} ({s.Size} bytes)");
        return string.Join(", ", sections);
    }
}
