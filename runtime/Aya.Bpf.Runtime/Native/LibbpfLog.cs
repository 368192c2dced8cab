using System.Runtime.InteropServices;
using System.Text;

namespace Aya.Bpf.Runtime.Native;

/// <summary>
/// Collects what libbpf prints (its warnings, and the verifier's log when a program is refused)
/// on the calling thread while a call runs, for the exception that call may throw. libbpf's print
/// hook is process-wide; the calls that print run synchronously on the caller's thread.
/// </summary>
internal static unsafe partial class LibbpfLog
{
    private const int DebugLevel = 2;
    private const int LineBytes = 16 * 1024;

    [ThreadStatic] private static StringBuilder? t_capture;
    [ThreadStatic] private static bool t_withDebug;

    private static readonly Lazy<bool> Installed = new(() =>
    {
        Libbpf.SetPrint(&Print);
        return true;
    });

    /// <summary>Runs <paramref name="call"/>, returning its result and what libbpf printed meanwhile (its debug lines too, when asked).</summary>
    public static (T Result, string Log) Capture<T>(Func<T> call, bool withDebug = false)
    {
        _ = Installed.Value;
        var (previous, previousDebug) = (t_capture, t_withDebug);
        (t_capture, t_withDebug) = (new StringBuilder(), withDebug);
        try
        {
            var result = call();
            return (result, t_capture.ToString());
        }
        finally
        {
            (t_capture, t_withDebug) = (previous, previousDebug);
        }
    }

    [UnmanagedCallersOnly]
    private static int Print(int level, nint format, nint arguments)
    {
        if ((level >= DebugLevel && !t_withDebug) || t_capture is not { } capture)
            return 0;
        try
        {
            // va_list is passed on as libbpf gave it: formatted once, into a buffer of one log line's worth.
            var buffer = stackalloc byte[LineBytes];
            var length = VPrintF(buffer, LineBytes, format, arguments);
            if (length > 0)
                capture.Append(Encoding.UTF8.GetString(buffer, Math.Min(length, LineBytes - 1)));
        }
        catch (Exception)
        {
            // A log line is never worth failing the caller's call for.
        }
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "vsnprintf")]
    private static partial int VPrintF(byte* buffer, nuint size, nint format, nint arguments);
}
