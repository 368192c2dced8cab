using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime;

/// <summary>Names of the errno values libbpf returns, for messages.</summary>
internal static class Errno
{
    public static string Describe(int errorCode) =>
        errorCode switch
        {
            1 => "EPERM (not permitted: loading BPF needs root or CAP_BPF)",
            2 => "ENOENT (no such entry)",
            7 => "E2BIG (too big)",
            13 => "EACCES (refused by the verifier)",
            16 => "EBUSY (busy)",
            17 => "EEXIST (already exists)",
            22 => "EINVAL (invalid argument)",
            95 => "EOPNOTSUPP (not supported)",
            524 => "ENOTSUPP (the kernel does not support this)",
            _ => $"errno {errorCode} ({Marshal.GetPInvokeErrorMessage(errorCode)})",
        };
}
