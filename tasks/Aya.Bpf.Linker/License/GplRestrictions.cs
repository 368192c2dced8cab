using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.License;

/// <summary>
/// What the kernel refuses in a program whose license is not GPL-compatible, found at build time:
/// a call of a GPL-only helper (at its call site, once per helper and line) and a program of a type
/// that must be GPL (LSM, struct_ops). Runs after optimisation, on the calls that are left.
/// </summary>
internal static class GplRestrictions
{
    private static readonly string[] s_gplProgramSections = ["lsm", "lsm.s", "lsm_cgroup", "struct_ops", "struct_ops.s"];

    /// <summary>Reports each restriction the program meets; false when there was one.</summary>
    public static bool Check(LlvmContext context, LlvmModule module, ProgramLicense license, DiagnosticLog log)
    {
        if (license.IsGplCompatible)
            return true;
        var reach = ProgramReach.Find(context, module);
        HashSet<(string?, int, string)> reported = [];
        var restrictedType = false;
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration && reach.ContainsKey(f.Name)))
        {
            if (ExportPolicy.IsProgramSection(function.Section) && s_gplProgramSections.Any(type => IsOfType(function.Section, type)))
            {
                ReportProgramType(context, function, license, log);
                restrictedType = true;
            }
            foreach (var call in function.Instructions(context).Where(i => i.IsCall))
            {
                if (call.CalledAddress is not { } id
                    || reach[function.Name].Select(section => GplOnlyHelpers.Restricted(id, section)).FirstOrDefault(name => name is not null) is not { } helper)
                    continue;
                var source = call.OutermostSourceLocation;
                if (reported.Add((source?.File, source?.Line ?? 0, helper)))
                    log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.GplRestricted,
                        $"{helper} (helper {id}) is GPL-only, and the program's license {Describe(license)}: the kernel refuses the program " +
                        $"(\"cannot call GPL-restricted function from non-GPL compatible program\"). Called from {FunctionNames.Display(context, function)}. {Advice}",
                        source?.File, source?.Line ?? 0));
            }
        }
        return reported.Count == 0 && !restrictedType;
    }

    private static void ReportProgramType(LlvmContext context, LlvmGlobal entry, ProgramLicense license, DiagnosticLog log)
    {
        var subprogram = entry.Subprogram(context);
        var file = subprogram.IsNull ? null : subprogram.SourceFile;
        log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.GplRestricted,
            $"{FunctionNames.Display(context, entry)} is a '{entry.Section}' program, which the kernel loads only under a GPL-compatible license, " +
            $"and the program's license {Describe(license)}. {Advice}",
            file, subprogram.IsNull ? 0 : (int)subprogram.Line));
    }

    private const string Advice =
        "Declare a GPL-compatible license in a `license` section (#[unsafe(link_section = \"license\")] #[unsafe(no_mangle)] " +
        "static LICENSE: [u8; 4] = *b\"GPL\\0\";), or set BpfLicense in the project for code that declares none; " +
        "the kernel counts GPL, GPL v2, GPL and additional rights, Dual BSD/GPL, Dual MIT/GPL and Dual MPL/GPL.";

    private static string Describe(ProgramLicense license) => license.Text is null
        ? "is none (no license section and no BpfLicense: libbpf passes an empty license)"
        : $"'{license.Text}' ({license.Source}) is not GPL-compatible";

    private static bool IsOfType(string section, string type) =>
        section == type || section.StartsWith(type + "/", StringComparison.Ordinal);
}
