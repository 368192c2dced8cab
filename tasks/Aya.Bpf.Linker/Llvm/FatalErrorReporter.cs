using System.Runtime.InteropServices;
using Aya.Bpf.Linker.Diagnostics;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// LLVM ends the process after a fatal error, whatever we do. Its reason is printed first as a
/// coded build error, so the build shows what happened and not just a crashed child process.
/// </summary>
internal static unsafe class FatalErrorReporter
{
    public static void Install() => LlvmApi.LLVMInstallFatalErrorHandler(&OnFatalError);

    /// <summary>
    /// While set, gives a fatal error that a stage knows how to explain its own diagnostic (LLVM's
    /// fatal errors name neither a function nor a line); null keeps the general one.
    /// </summary>
    public static Func<string, Diagnostic?>? Explain { get; set; }

    [UnmanagedCallersOnly]
    private static void OnFatalError(nint reason)
    {
        try
        {
            var text = LlvmStrings.Borrowed(reason);
            var diagnostic = Explain?.Invoke(text) ?? new Diagnostic(Severity.Error, DiagnosticCodes.LlvmFatal,
                $"LLVM hit a fatal error and stopped the linker process: {text}. The build itself is unaffected. " +
                "This usually means the code uses something BPF cannot express (e.g. a host intrinsic or inline asm); please report it if not.");
            Console.Out.WriteLine(diagnostic.ToCanonicalString());
            Console.Out.Flush();
        }
        catch (Exception)
        {
        }
    }
}
