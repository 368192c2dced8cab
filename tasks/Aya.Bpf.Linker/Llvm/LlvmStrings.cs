using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Reads the strings LLVM hands out, freeing those the caller owns.</summary>
internal static class LlvmStrings
{
    /// <summary>A string LLVM allocated for us (LLVMDisposeMessage frees it).</summary>
    public static string TakeMessage(nint message)
    {
        if (message == 0)
            return "";
        try
        {
            return Marshal.PtrToStringUTF8(message) ?? "";
        }
        finally
        {
            LlvmApi.LLVMDisposeMessage(message);
        }
    }

    /// <summary>A string LLVM keeps ownership of.</summary>
    public static string Borrowed(nint text) => text == 0 ? "" : Marshal.PtrToStringUTF8(text) ?? "";

    public static unsafe string Borrowed(nint text, nuint length) =>
        text == 0 ? "" : System.Text.Encoding.UTF8.GetString((byte*)text, checked((int)length));

    /// <summary>Turns an LLVMErrorRef into its message (consuming the error), or null for success.</summary>
    public static string? TakeError(nint error)
    {
        if (error == 0)
            return null;
        var message = LlvmApi.LLVMGetErrorMessage(error);
        try
        {
            return Marshal.PtrToStringUTF8(message) ?? "";
        }
        finally
        {
            LlvmApi.LLVMDisposeErrorMessage(message);
        }
    }
}
