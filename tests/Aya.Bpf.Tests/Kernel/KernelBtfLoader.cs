using System.Runtime.InteropServices;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>The kernel's verdict on a BTF blob: accepted or not, and its verifier log.</summary>
internal sealed record KernelBtfVerdict(bool Accepted, int Errno, string Log);

/// <summary>
/// Loads BTF straight into the kernel with the bpf(2) BPF_BTF_LOAD command and a log buffer, so a
/// test sees exactly what the kernel says, with no loader in between.
/// </summary>
internal static unsafe partial class KernelBtfLoader
{
    private const long BpfSyscallX64 = 321;
    private const int BpfBtfLoad = 18;
    private const int LogSize = 1 << 16;

    /// <summary>The BPF_BTF_LOAD part of union bpf_attr, up to btf_log_true_size.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct BtfLoadAttributes
    {
        public ulong Btf;
        public ulong LogBuffer;
        public uint BtfSize;
        public uint LogSize;
        public uint LogLevel;
        public uint LogTrueSize;
    }

    public static KernelBtfVerdict Load(byte[] btf)
    {
        var log = new byte[LogSize];
        fixed (byte* data = btf)
        fixed (byte* logBuffer = log)
        {
            var attributes = new BtfLoadAttributes
            {
                Btf = (ulong)data,
                LogBuffer = (ulong)logBuffer,
                BtfSize = (uint)btf.Length,
                LogSize = LogSize,
                LogLevel = 1,
            };
            var fd = Syscall(BpfSyscallX64, BpfBtfLoad, &attributes, sizeof(BtfLoadAttributes));
            var errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (fd >= 0)
                Close((int)fd);
            var text = System.Text.Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0)));
            return new KernelBtfVerdict(fd >= 0, errno, text);
        }
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int command, void* attributes, int size);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
