using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// rustc stamps every function with its own target-cpu/target-features; they would override the
/// CPU the project asks for, so they are removed and the target machine's choice applies.
/// </summary>
internal static class TargetAttributes
{
    private static readonly byte[][] s_keys = ["target-cpu"u8.ToArray(), "target-features"u8.ToArray()];

    public static unsafe void Clear(LlvmModule module)
    {
        foreach (var function in module.Functions)
        {
            foreach (var key in s_keys)
            {
                fixed (byte* text = key)
                    LlvmApi.LLVMRemoveStringAttributeAtIndex(function.Handle, LlvmApi.FunctionAttributeIndex, text, (uint)key.Length);
            }
        }
    }
}
