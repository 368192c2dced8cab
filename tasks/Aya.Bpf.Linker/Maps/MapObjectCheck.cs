using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The maps of the emitted object, as libbpf will read them: every map in <c>.maps</c> (converted from a
/// legacy definition or written the BTF way in the source) must follow libbpf's rules, each violation a
/// coded error at the map's declaration; a name the kernel will not see whole is a warning.
/// </summary>
internal static class MapObjectCheck
{
    public static bool Check(BtfData btf, DebugInfoOrigins origins, DiagnosticLog log)
    {
        var failed = false;
        foreach (var violation in MapBtfValidator.Validate(btf))
        {
            var origin = origins.Find(violation.MapName);
            log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.MapInvalid,
                $"map '{violation.MapName}' would be refused by libbpf: {violation.Message}", origin?.File, origin?.Line ?? 0));
            failed = true;
        }

        var maps = btf.Types.OfType<BtfDatasecType>().FirstOrDefault(d => d.Name == MapBtfValidator.SectionName);
        foreach (var name in maps?.Entries.Select(e => btf.TypeById(e.Type)?.Name).OfType<string>() ?? [])
        {
            if (MapBtfValidator.KernelNameWarning(name) is not { } warning)
                continue;
            var origin = origins.Find(name);
            log.Report(new Diagnostic(Severity.Warning, DiagnosticCodes.MapNameTruncated, warning, origin?.File, origin?.Line ?? 0));
        }
        return !failed;
    }
}
