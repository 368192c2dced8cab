using System.Text;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>The field path a marker call passes as a Rust <c>&amp;str</c>: a pointer to a constant and a length.</summary>
internal static class CoreMarkerArguments
{
    /// <summary>The text of the <c>&amp;str</c> at arguments <paramref name="index"/> and <paramref name="index"/> + 1; null unless both are constants.</summary>
    public static string? Path(LlvmModule module, LlvmInstruction call, int index)
    {
        var pointer = call.Argument(index);
        if (call.ConstantArgument(index + 1) is not { } length || LlvmApi.LLVMIsAGlobalVariable(pointer) == 0)
            return null;
        var bytes = ConstantBytes.Read(module, new LlvmGlobal(pointer, GlobalKind.Variable), bigEndian: false);
        return bytes is null || (ulong)bytes.Length < length ? null : Encoding.UTF8.GetString(bytes, 0, (int)length);
    }
}
