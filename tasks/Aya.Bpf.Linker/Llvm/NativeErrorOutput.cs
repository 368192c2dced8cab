using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// What native code writes to the process's standard error during one call. LLVM reports some
/// choices it ignores (an unknown CPU or feature) only as text on stderr, not through its C API;
/// the linker reads that text to turn it into an error instead of a silently different object.
/// </summary>
internal static partial class NativeErrorOutput
{
    private const int StandardError = 2;

    public static string Capture(Action action)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aya-bpf-linker-stderr-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        Console.Error.Flush();
        var saved = Dup(StandardError);
        // Without a copy to restore from, or a redirect, run uncaptured rather than lose stderr for good.
        if (saved < 0 || Dup2((int)file.SafeFileHandle.DangerousGetHandle(), StandardError) < 0)
        {
            if (saved >= 0)
                Close(saved);
            action();
            return "";
        }
        try
        {
            action();
        }
        finally
        {
            Dup2(saved, StandardError);
            Close(saved);
        }
        file.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(file, leaveOpen: true);
        return reader.ReadToEnd();
    }

    [LibraryImport("libc.so.6", EntryPoint = "dup")] private static partial int Dup(int fd);
    [LibraryImport("libc.so.6", EntryPoint = "dup2")] private static partial int Dup2(int from, int to);
    [LibraryImport("libc.so.6", EntryPoint = "close")] private static partial int Close(int fd);
}
