using System.Buffers.Binary;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Tests.Maps;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// Legacy <c>struct bpf_map_def</c> bytes (section <c>maps</c>) and the plan that turns them into a
/// BTF-defined map, with and without the wrapper's key and value types. The bytes come from an LLVM
/// constant in the link; that read and the rewrite of the module need LLVM and are not fuzzed here.
/// </summary>
internal static class LegacyMapDefinitionFuzz
{
    private static readonly MapTypeArgument[] NoTypes = [];
    private static readonly MapTypeArgument[] KeyAndValue = [SizeNamedMapTypes.U32, new("Counter", default, 16)];

    public static FuzzTarget Target { get; } = new(
        "legacy-map-definition", Seeds(), new HashSet<string> { DiagnosticCodes.MapDefinitionUnreadable, DiagnosticCodes.MapTypesContradictSizes }, Read);

    private static IReadOnlyList<Diagnostic> Read(byte[] bytes)
    {
        var log = new DiagnosticLog(TextWriter.Null);
        foreach (var bigEndian in new[] { false, true })
        {
            // As the rewriter reports them: an unreadable definition, then sizes contradicting the types.
            if (LegacyMapDefinition.Parse(bytes, bigEndian) is not { } definition)
            {
                log.Error(DiagnosticCodes.MapDefinitionUnreadable, "map 'M': its definition in section 'maps' is not a bpf_map_def.");
                continue;
            }

            foreach (var types in new[] { NoTypes, KeyAndValue })
            {
                if (BtfMapPlanner.Plan(definition, types, new SizeNamedMapTypes(), out var contradiction) is null)
                    log.Error(DiagnosticCodes.MapTypesContradictSizes, $"map 'M': {contradiction}.");
            }
        }

        return log.Reported;
    }

    private static byte[][] Seeds() =>
    [
        Words(1, 4, 16, 1024, 0, 0, 0),
        Words(2, 4, 16, 4, 1, 7, 1),
        Words(11, 8, 16, 64, 1),
        Words(27, 0, 0, 4096, 0, 0),
    ];

    private static byte[] Words(params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }
}
