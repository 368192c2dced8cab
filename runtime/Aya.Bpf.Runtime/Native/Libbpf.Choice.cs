using System.Reflection;
using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>
/// Which libbpf the runtime binds to: the system's libbpf.so.1, or the file that the environment
/// variable AYA_BPF_LIBBPF names (a libbpf of one's own). It is chosen once per process, at the
/// first libbpf call: .NET binds native functions process-wide.
/// </summary>
internal static partial class Libbpf
{
    public const string ChoiceVariable = "AYA_BPF_LIBBPF";

    static Libbpf()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Libbpf).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The application set a resolver of its own for this assembly first: that one decides.
        }
    }

    /// <summary>The libbpf chosen, for messages: the variable's file, or the system's.</summary>
    public static string Chosen =>
        Environment.GetEnvironmentVariable(ChoiceVariable) is { Length: > 0 } chosen ? $"{chosen} ({ChoiceVariable})" : Library;

    public static string Missing(DllNotFoundException e) =>
        Environment.GetEnvironmentVariable(ChoiceVariable) is { Length: > 0 } chosen
            ? $"{ChoiceVariable} names {chosen}, which cannot be loaded as libbpf: {e.Message}"
            : $"{Library} is not installed (on Debian and Ubuntu: the package libbpf1).";

    public static string TooOld(EntryPointNotFoundException e) => $"the libbpf {Chosen} is older than libbpf 1.0: {e.Message}";

    // A failure to load the chosen file is the caller's DllNotFoundException (it never falls back to the system's).
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library && Environment.GetEnvironmentVariable(ChoiceVariable) is { Length: > 0 } chosen ? NativeLibrary.Load(chosen) : 0;
}
