using System.Buffers.Binary;
using Aya.Bpf.Linker.Btf;
using LibObjectFile.Elf;

namespace Aya.Bpf.Linker.Emit;

/// <summary>
/// LLVM makes a FUNC GLOBAL when its debug info says the function is visible outside its unit, which holds
/// for every C function without <c>static</c> and every Rust function rustc exports, even after the link
/// made it internal. The kernel verifies a GLOBAL FUNC on its own, without its caller's context, and refuses
/// many helpers that way ("Global function ... doesn't return scalar"). Every FUNC but the entry points is
/// therefore made STATIC, in place: the linkage lives in the FUNC's info word, so no offset moves.
/// </summary>
internal static class StaticFuncPatch
{
    private const uint VlenMask = 0xffff;

    /// <summary>Rewrites the object's bytes; returns how many FUNCs became STATIC.</summary>
    public static int Apply(byte[] elf, IReadOnlySet<string> entryPoints)
    {
        if (FindBtf(elf) is not { } section)
            return 0;
        var blob = elf.AsMemory(section.Offset, section.Length);
        if (!BtfReader.TryRead(blob, out var btf, out _) || btf is null)
            return 0;

        var patched = 0;
        foreach (var func in btf.Types.OfType<BtfFuncType>())
        {
            if (func.Linkage != BtfFuncLinkage.Global || func.Name is null || entryPoints.Contains(func.Name))
                continue;
            var info = blob.Span.Slice(func.Header.ByteOffset + 4, 4);
            var value = btf.IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(info) : BinaryPrimitives.ReadUInt32LittleEndian(info);
            value = (value & ~VlenMask) | (uint)BtfFuncLinkage.Static;
            if (btf.IsBigEndian)
                BinaryPrimitives.WriteUInt32BigEndian(info, value);
            else
                BinaryPrimitives.WriteUInt32LittleEndian(info, value);
            patched++;
        }
        return patched;
    }

    private static (int Offset, int Length)? FindBtf(byte[] elf)
    {
        using var stream = new MemoryStream(elf, writable: false);
        if (!ElfFile.TryRead(stream, out var file, out _) || file is null)
            return null;
        var section = file.Sections.FirstOrDefault(s => s.Name.Value == BtfSections.BtfName);
        if (section is null || section.Position + section.Size > (ulong)elf.Length)
            return null;
        return (checked((int)section.Position), checked((int)section.Size));
    }
}
