using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The last gate before an object is written: its <c>.BTF</c> and <c>.BTF.ext</c> must pass the kernel's
/// and the verifier's rules, else libbpf would drop the BTF ("BTF is optional, ignoring") at load time,
/// and each CO-RE record must be one libbpf can relocate.
/// Every violation is a coded error naming the BTF type and, where debug info knows it, the source.
/// </summary>
internal static class BtfObjectCheck
{
    public static bool Check(byte[] elf, Version kernelBaseline, DebugInfoOrigins origins, DiagnosticLog log) =>
        Check(elf, kernelBaseline, origins, log, out _);

    /// <summary>Checks the object; <paramref name="btf"/> is its parsed .BTF when that could be read.</summary>
    public static bool Check(byte[] elf, Version kernelBaseline, DebugInfoOrigins origins, DiagnosticLog log, out BtfData? btf)
    {
        btf = null;
        var sections = BtfSections.TryRead(elf);
        if (sections is null)
        {
            log.Error(DiagnosticCodes.BtfMissing, "the BPF object LLVM wrote cannot be read back as ELF.");
            return false;
        }
        if (sections.Btf is null)
        {
            log.Error(DiagnosticCodes.BtfMissing,
                "the object has no .BTF section: the inputs carry no debug info. The SDK builds every cargo profile with debug = 2, " +
                "so something turns it off: `-C debuginfo=0` in RUSTFLAGS or a cargo config's rustflags, or `debug = 0` in a " +
                "per-package profile override ([profile.<name>.package.<crate>]). Remove it; compile C inputs with -g.");
            return false;
        }
        if (!BtfReader.TryRead(sections.Btf, out btf, out var readError) || btf is null)
        {
            log.Error(DiagnosticCodes.BtfInvalid, $"the .BTF section LLVM wrote cannot be parsed: {readError}");
            return false;
        }

        // libbpf rewrites the externs' BTF before the kernel sees it: check what the kernel will see.
        btf = LibbpfExterns.AsKernelSees(btf);
        var options = new BtfValidationOptions
        {
            KernelBaseline = kernelBaseline,
            SectionSizes = sections.SectionSizes,
            VariableOffsets = sections.GlobalDataSymbols,
        };
        foreach (var violation in BtfValidator.Validate(btf, options).Concat(LibbpfOpenChecks.Check(btf, sections.GlobalDataSymbols)))
            log.Report(Describe(violation, kernelBaseline, origins, btf));

        if (sections.BtfExt is not null)
        {
            if (!BtfExtReader.TryRead(sections.BtfExt, btf.Strings, out var ext, out var extError) || ext is null)
                log.Error(DiagnosticCodes.BtfExtInvalid, $"the .BTF.ext section LLVM wrote cannot be parsed: {extError}");
            else
            {
                foreach (var violation in BtfExtValidator.Validate(ext, btf))
                    log.Error(DiagnosticCodes.BtfExtInvalid, $"func_info/line_info the verifier would refuse in section {violation}");
                foreach (var violation in BtfCoreRecordValidator.Validate(ext, btf, sections.CodeSectionSizes))
                    log.Error(DiagnosticCodes.CoreRelocationInvalid, $"a CO-RE relocation libbpf would refuse at load time, in section {violation}");
            }
        }
        return !log.HasErrors;
    }

    private static Diagnostic Describe(BtfViolation violation, Version kernelBaseline, DebugInfoOrigins origins, BtfData btf)
    {
        var subject = violation.TypeId == 0
            ? "the BTF header"
            : $"BTF type [{violation.TypeId}] {BtfKindNames.Of(violation.Kind)} '{violation.TypeName}'";
        // An anonymous type is placed by what holds it: a map's max_entries, a struct's member.
        var owner = violation.TypeId != 0 && violation.TypeName is "" or "(anon)" ? BtfOwners.Find(btf, (uint)violation.TypeId) : null;
        if (owner is { Owner: var holder, Member: var held })
            subject += $" (in {(holder is BtfVarType ? "variable" : BtfKindNames.Of(holder.Kind))} '{holder.Name}'{(held is null ? "" : $", member '{held}'")})";
        // A DATASEC's entries are variables: a map's, a global's, found at their declaration.
        var isSection = violation.Kind == BtfKind.Datasec;
        if (violation.MemberName is not null)
            subject += isSection ? $", variable '{violation.MemberName}'" : $", member '{violation.MemberName}'";
        var origin = (isSection && violation.MemberName is { } variable ? origins.Find(variable) : null)
            ?? (owner?.Owner.Name is { } ownerName ? origins.Find(ownerName) : null)
            ?? origins.Find(violation.TypeName);
        var source = origin is null || origin.SourceName == violation.TypeName ? "" : $" (from `{origin.SourceName}`)";
        var message = $"{subject}{source} would be refused at load time (checked for Linux {kernelBaseline} and later): {violation.Message}";
        return new Diagnostic(Severity.Error, DiagnosticCodes.BtfInvalid, message, origin?.File, origin?.Line ?? 0);
    }
}
