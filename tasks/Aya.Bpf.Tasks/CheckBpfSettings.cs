using Aya.Bpf.Tasks.Settings;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Checks every setting of the project before anything runs, so that a value the build cannot use
/// is one coded error at the line that sets it (and says what it accepts), not a failure of cargo or
/// the linker half a minute later. Every bad setting is reported, not only the first.
/// </summary>
public sealed class CheckBpfSettings : Microsoft.Build.Utilities.Task
{
    public string? ProjectFile { get; set; }
    public string Target { get; set; } = "bpfel";
    public string Cpu { get; set; } = "v3";
    public string? CpuFeatures { get; set; }
    public string OptimizationLevel { get; set; } = "2";
    public string KernelBaseline { get; set; } = "6.1";
    public string ObjectName { get; set; } = "";
    public string? License { get; set; }
    public string RustBuild { get; set; } = "auto";
    public string BuildStd { get; set; } = "auto";
    public string DebugAssertions { get; set; } = "false";
    public string OverflowChecks { get; set; } = "false";
    public string DeterministicSourcePaths { get; set; } = "true";

    public override bool Execute()
    {
        var location = SettingLocation.Of(ProjectFile);
        foreach (var (property, value, problem) in Problems())
        {
            var code = property == "BpfKernelBaseline" ? ErrorCodes.KernelBaselineInvalid : ErrorCodes.SettingInvalid;
            Log.LogError(subcategory: null, code, helpKeyword: null, location.ProjectFile, location.LineOf(property), 0, 0, 0,
                $"{property} '{value}' {problem}.");
        }
        return !Log.HasLoggedErrors;
    }

    private IEnumerable<(string Property, string Value, string Problem)> Problems()
    {
        // Each property with its rule. The values arrive as MSBuild gives them: spaces kept, since
        // a name with a stray space is a different name.
        (string Property, string Value, Func<string, string?> Rule)[] settings =
        [
            ("BpfTarget", Target, SettingRules.Target),
            ("BpfCpu", Cpu, SettingRules.Cpu),
            ("BpfCpuFeatures", CpuFeatures ?? "", SettingRules.CpuFeatures),
            ("BpfOptimizationLevel", OptimizationLevel.Trim(), SettingRules.OptimizationLevel),
            ("BpfKernelBaseline", KernelBaseline.Trim(), SettingRules.KernelBaseline),
            ("BpfObjectName", ObjectName, SettingRules.ObjectName),
            ("BpfLicense", License?.Trim() ?? "", SettingRules.License),
            ("BpfRustBuild", RustBuild, SettingRules.RustBuild),
            ("BpfBuildStd", BuildStd, SettingRules.BuildStd),
            ("BpfDebugAssertions", DebugAssertions, SettingRules.ProfileCheck),
            ("BpfOverflowChecks", OverflowChecks, SettingRules.ProfileCheck),
            ("BpfDeterministicSourcePaths", DeterministicSourcePaths, SettingRules.Switch),
        ];
        foreach (var (property, value, rule) in settings)
        {
            if (rule(value) is { } problem)
                yield return (property, value, problem);
        }
    }
}
