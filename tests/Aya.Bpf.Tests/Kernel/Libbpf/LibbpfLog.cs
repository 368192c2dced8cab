using System.Runtime.InteropServices;
using System.Text;

namespace Aya.Bpf.Tests.Kernel.Libbpf;

/// <summary>
/// What libbpf prints (warnings, the verifier's log of a refused program), collected per thread:
/// libbpf calls its print function on the thread that opens or loads, and tests run in parallel.
/// </summary>
internal static unsafe class LibbpfLog
{
    private const int LineLength = 4096;
    private static readonly Lock s_gate = new();
    private static bool s_installed;

    [ThreadStatic]
    private static StringBuilder? t_lines;

    /// <summary>Routes libbpf's messages here (once per process) and starts collecting this thread's.</summary>
    public static void Begin()
    {
        lock (s_gate)
        {
            if (!s_installed)
            {
                LibbpfApi.SetPrint(&Print);
                s_installed = true;
            }
        }
        t_lines = new StringBuilder();
    }

    /// <summary>What libbpf printed on this thread since <see cref="Begin"/>.</summary>
    public static string Collected => t_lines?.ToString() ?? string.Empty;

    [UnmanagedCallersOnly]
    private static int Print(int level, byte* format, nint arguments)
    {
        byte* buffer = stackalloc byte[LineLength];
        int length = LibbpfApi.FormatArguments(buffer, LineLength, format, arguments);
        if (length > 0)
            t_lines?.Append(Encoding.UTF8.GetString(buffer, Math.Min(length, LineLength - 1)));
        return 0;
    }
}
