namespace Aya.Bpf.Tasks;

/// <summary>
/// Stable codes of the SDK's own build errors. BPF1xxx: Rust toolchain and cargo; BPF2xxx: the link
/// (shared with the linker, which reports the other BPF2xxx codes itself).
/// </summary>
internal static class ErrorCodes
{
    public const string ToolNotFound = "BPF1001";
    public const string RustcFailed = "BPF1002";
    public const string RustSrcMissing = "BPF1003";
    // BPF1004 (a crate with several bins) is retired: every bin is built, each into its own object.
    public const string CargoFailed = "BPF1005";
    public const string NoBinTarget = "BPF1006";
    public const string LinkNotCaptured = "BPF1007";
    public const string KernelBaselineInvalid = "BPF1008";
    public const string HostBuildNeedsLittleEndian = "BPF1009";
    /// <summary>A setting of the project that is none of its allowed values.</summary>
    public const string SettingInvalid = "BPF1010";
    public const string LlvmNotFound = "BPF2001";
    public const string LinkerCrashed = "BPF2008";
}
