using System.Text;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.License;

/// <summary>
/// The license the loader hands the kernel: what the program's <c>license</c> section holds, as
/// libbpf reads it (up to the first NUL, at most <see cref="LoaderLength"/> characters), or, when no
/// input declares one, the project's (BpfLicense), which the link then adds. Null when there is none:
/// libbpf then loads the program with an empty license, which is not GPL-compatible.
/// </summary>
internal sealed record ProgramLicense(string? Text, string Source)
{
    public const string SectionName = "license";

    /// <summary>The longest license libbpf passes on (its buffer is 64 bytes with the NUL).</summary>
    public const int LoaderLength = 63;

    public bool IsGplCompatible => GplCompatibility.IsCompatible(Text);

    /// <summary>Reads the declared license or adds the project's; warns when both are given and differ.</summary>
    public static ProgramLicense Resolve(LlvmContext context, LlvmModule module, string? projectLicense, bool bigEndian, DiagnosticLog log)
    {
        var declared = module.Variables.Where(v => v.Section == SectionName && !v.IsDeclaration).Select(v => (LlvmGlobal?)v).FirstOrDefault();
        ProgramLicense license;
        if (declared is { } global)
        {
            var origin = GlobalDeclarations.Of(context, global);
            var text = Read(ConstantBytes.Read(module, global, bigEndian) ?? []);
            license = new(text, $"declared by {origin.SourceName}{(origin.File is null ? "" : $" at {origin.File}:{origin.Line}")}");
            if (projectLicense is not null && projectLicense != text)
                log.Report(new Diagnostic(Severity.Warning, DiagnosticCodes.LicenseDeclaredTwice,
                    $"the program declares the license '{text}' ({origin.SourceName}), which is what the kernel gets; BpfLicense '{projectLicense}' applies only to a program that declares none.",
                    origin.File, origin.Line));
        }
        else if (projectLicense is not null)
        {
            module.AddBytes(context, "_license", Encoding.UTF8.GetBytes(projectLicense + "\0"), SectionName);
            license = new(projectLicense, "set by BpfLicense");
        }
        else
        {
            license = new(null, "none declared");
        }
        log.Info(license.Text is null
            ? "License: none (no input has a license section and BpfLicense is not set): libbpf loads the program with an empty license, which is not GPL-compatible."
            : $"License: '{license.Text}', {license.Source}{(license.IsGplCompatible ? "" : ", not GPL-compatible")}.");
        return license;
    }

    // libbpf copies the section as a C string: to the first NUL or the section's end, cut at its buffer.
    internal static string Read(ReadOnlySpan<byte> section)
    {
        var end = section.IndexOf((byte)0);
        var text = section[..(end < 0 ? section.Length : end)];
        return Encoding.UTF8.GetString(text[..Math.Min(text.Length, LoaderLength)]);
    }
}
