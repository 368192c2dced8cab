using System.Buffers.Binary;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.Maps;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// BTF-defined maps: the <c>.maps</c> DATASEC and each definition STRUCT read member by member
/// (<see cref="MapDefinitionReader"/>), inner maps and prog-array values included. The link checks maps
/// only on BTF that passed its own check; here every blob <see cref="BtfReader"/> parses reaches the map
/// reader, so it also meets BTF the kernel would refuse. The input is the type section alone, put
/// between a fresh header and the seed's strings, so that most mutations change types, not the header.
/// </summary>
internal static class MapDefinitionFuzz
{
    private const int HeaderLength = 24;

    private static readonly (byte[] Types, byte[] Strings) Sections = Split(Seed());

    public static FuzzTarget Target { get; } = new(
        "map-definition", [Sections.Types], new HashSet<string> { DiagnosticCodes.BtfInvalid, DiagnosticCodes.MapInvalid, DiagnosticCodes.MapNameTruncated }, Read);

    private static IReadOnlyList<Diagnostic> Read(byte[] types)
    {
        var blob = new byte[HeaderLength + types.Length + Sections.Strings.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(blob, BtfHeader.ExpectedMagic);
        blob[2] = 1;
        uint[] header = [HeaderLength, 0, (uint)types.Length, (uint)types.Length, (uint)Sections.Strings.Length];
        for (var i = 0; i < header.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(4 + (i * 4)), header[i]);
        types.CopyTo(blob, HeaderLength);
        Sections.Strings.CopyTo(blob, HeaderLength + types.Length);

        var log = new DiagnosticLog(TextWriter.Null);
        if (!BtfReader.TryRead(blob, out var btf, out var error) || btf is null)
            log.Error(DiagnosticCodes.BtfInvalid, $"the .BTF section LLVM wrote cannot be parsed: {error}");
        else
            MapObjectCheck.Check(btf, new DebugInfoOrigins(), log);
        return log.Reported;
    }

    private static (byte[] Types, byte[] Strings) Split(byte[] blob)
    {
        var typeLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(12));
        return (blob[HeaderLength..(HeaderLength + typeLength)], blob[(HeaderLength + typeLength)..]);
    }

    /// <summary>A hash map, a pinned array, a map-in-map with its inner definition and a prog array.</summary>
    private static byte[] Seed()
    {
        var b = new MapBtfBuilder();
        uint value = b.Btf.Struct("Counter", 16, ("packets", b.U64, 0), ("bytes", b.U64, 64));
        b.Map("FLOWS", b.Type(BpfMapType.Hash), b.Int("max_entries", 1024), b.Pointer("key", b.IntType), b.Pointer("value", value), b.Int("map_flags", 1));
        b.Map("PINNED", b.Type(BpfMapType.Array), b.Int("max_entries", 4), b.Pointer("key", b.IntType), b.Pointer("value", b.U64), b.Int("pinning", 1));
        uint inner = b.Def(b.Type(BpfMapType.Array), b.Int("max_entries", 1), b.Pointer("key", b.IntType), b.Pointer("value", b.U64));
        b.Map("OUTER", b.Type(BpfMapType.ArrayOfMaps), b.Int("max_entries", 4), b.Pointer("key", b.IntType), b.Values(inner));
        uint proto = b.Btf.Proto(b.IntType, ("ctx", b.Btf.Ptr(0)));
        b.Map("JUMPS", b.Type(BpfMapType.ProgArray), b.Int("max_entries", 8), b.Int("key_size", 4), b.Values(proto));
        return b.Build();
    }
}
