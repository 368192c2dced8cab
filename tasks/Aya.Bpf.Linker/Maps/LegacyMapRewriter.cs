using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Maps;

/// <summary>A map the link wrote the BTF way, and where its source declared it.</summary>
internal sealed record ConvertedMap(string Name, LegacyMapDefinition Definition, BtfMapPlan Plan, string? File, int Line);

/// <summary>
/// libbpf 1.x refuses the legacy <c>maps</c> section. Every static there (aya's map wrappers, old C
/// <c>bpf_map_def</c>s) is replaced by a global of the same name in <c>.maps</c> whose debug info is a
/// BTF-style definition (pointers to int arrays and to the key and value types), and every use of the
/// old static is pointed at it. Runs on the linked module before its debug info is repaired.
/// </summary>
internal static class LegacyMapRewriter
{
    public const string BtfMapsSection = ".maps";
    private const uint PointerBits = 64;

    public static IReadOnlyList<ConvertedMap> Apply(LlvmContext context, LlvmModule module, bool bigEndian, DiagnosticLog log)
    {
        var legacy = module.Variables.Where(v => !v.IsDeclaration && IsLegacySection(v.Section)).ToList();
        if (legacy.Count == 0)
            return [];

        var converted = new List<ConvertedMap>();
        var dbg = context.MetadataKindId("dbg");
        using var builder = new DebugInfoBuilder(context, module);
        var layout = DebugInfoLayout.Measure(builder);
        var types = new DebugInfoMapTypes(builder);
        foreach (var global in legacy)
        {
            var variable = global.Attachments(context)
                .Where(a => a.Kind == dbg && a.Node.Kind == MetadataKind.GlobalVariableExpression)
                .Select(a => a.Node.GlobalVariable)
                .FirstOrDefault();
            var file = variable.IsNull ? null : variable.VariableFile.FilePath;
            var line = variable.IsNull ? 0 : (int)variable.VariableLine;
            var name = MapName(global, variable);
            if (!BtfNameSanitizer.IsValid(name))
            {
                Error(log, DiagnosticCodes.MapNameInvalid, file, line,
                    $"map '{name}': the name is not one the kernel accepts for a map in .maps (letters, digits and '_', not starting with a digit, at most {BtfNameSanitizer.MaxLength} characters); rename it where the map is named (#[map(name = ...)] or export_name).");
                continue;
            }

            var bytes = ConstantBytes.Read(module, global, bigEndian);
            var definition = bytes is null ? null : LegacyMapDefinition.Parse(bytes, bigEndian);
            if (definition is null)
            {
                Error(log, DiagnosticCodes.MapDefinitionUnreadable, file, line,
                    $"map '{name}': its definition in section '{global.Section}' is not a bpf_map_def (type, key_size, value_size, max_entries, map_flags as u32s).");
                continue;
            }

            var typeArguments = variable.IsNull ? [] : MapGenericArguments.Of(variable.Operands.ElementAtOrDefault(DebugInfoLayout.VariableTypeOperand), layout);
            var plan = BtfMapPlanner.Plan(definition, typeArguments, types, out var contradiction);
            if (plan is null)
            {
                Error(log, DiagnosticCodes.MapTypesContradictSizes, file, line, $"map '{name}': {contradiction}.");
                continue;
            }

            var replacement = module.AddPointerStruct(context, name, plan.Members.Count);
            global.Rename(name + ".legacy");
            replacement.Rename(name);
            replacement.SetSection(BtfMapsSection);
            replacement.SetAlignment(PointerBits / 8);
            var scope = variable.IsNull ? default : variable.VariableScope;
            var fileNode = variable.IsNull ? default : variable.VariableFile;
            replacement.Attach(dbg, builder.GlobalVariable(name, Describe(plan, builder), scope, fileNode, (uint)line));
            global.ReplaceWith(replacement);
            converted.Add(new ConvertedMap(name, definition, plan, file, line));
        }
        return converted;
    }

    public static bool IsLegacySection(string section) =>
        section == "maps" || section.StartsWith("maps/", StringComparison.Ordinal);

    /// <summary>
    /// The symbol's name, or for a mangled one the name the source gave the static. A v0-mangled
    /// symbol (<c>_RNv...7LENGTHS</c>) is a valid identifier, so it is told by its mangling; an
    /// <c>export_name</c> (aya's <c>#[map(name = "...")]</c>) is the name the user chose and stays.
    /// </summary>
    private static string MapName(LlvmGlobal global, LlvmMetadata variable)
    {
        var sourceName = variable.IsNull ? null : variable.StringOperand(DebugInfoLayout.VariableNameOperand);
        return !RustMangling.IsMangled(global.Name) || string.IsNullOrEmpty(sourceName) ? global.Name : BtfNameSanitizer.Sanitize(sourceName);
    }

    /// <summary>The definition's debug info: an anonymous struct of pointers, as C's <c>__uint</c>/<c>__type</c> macros make.</summary>
    private static LlvmMetadata Describe(BtfMapPlan plan, DebugInfoBuilder builder)
    {
        var members = new List<LlvmMetadata>();
        LlvmMetadata? integer = null;
        foreach (var (member, index) in plan.Members.Select((m, i) => (m, i)))
        {
            var pointee = member switch
            {
                BtfMapIntegerMember number => builder.Array(integer ??= builder.SignedType("int", 32), number.Value, 32),
                BtfMapTypeMember typed => typed.Type.Type,
                _ => throw new InvalidOperationException($"unknown map member {member}"),
            };
            members.Add(builder.Member(member.Name, PointerBits, PointerBits * (ulong)index, builder.Pointer(pointee)));
        }
        return builder.Struct("", PointerBits * (ulong)members.Count, members);
    }

    private static void Error(DiagnosticLog log, string code, string? file, int line, string message) =>
        log.Report(new Diagnostic(Severity.Error, code, message, file, line));
}
