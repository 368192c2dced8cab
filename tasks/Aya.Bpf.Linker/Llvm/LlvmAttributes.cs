using System.Text;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Function attributes, by name: string attributes ("target-cpu") and enum attributes ("byval").</summary>
internal static class LlvmAttributes
{
    /// <summary>The index of the first parameter; attributes of parameter i are at <c>FirstParameterIndex + i</c>.</summary>
    public const uint FirstParameterIndex = 1;

    /// <summary>LLVM's kind id of an enum attribute; 0 when this LLVM does not know the name.</summary>
    public static unsafe uint EnumKind(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* text = bytes)
            return LlvmApi.LLVMGetEnumAttributeKindForName(text, (nuint)bytes.Length);
    }

    public static unsafe void RemoveString(LlvmGlobal function, string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        fixed (byte* text = bytes)
            LlvmApi.LLVMRemoveStringAttributeAtIndex(function.Handle, LlvmApi.FunctionAttributeIndex, text, (uint)bytes.Length);
    }

    public static void AddEnum(LlvmContext context, LlvmGlobal function, uint kind) =>
        LlvmApi.LLVMAddAttributeAtIndex(function.Handle, LlvmApi.FunctionAttributeIndex, LlvmApi.LLVMCreateEnumAttribute(context.Raw, kind, 0));

    public static void RemoveEnum(LlvmGlobal function, uint kind) =>
        LlvmApi.LLVMRemoveEnumAttributeAtIndex(function.Handle, LlvmApi.FunctionAttributeIndex, kind);

    /// <summary>Whether parameter <paramref name="parameter"/> (from 0) has the enum attribute <paramref name="kind"/>.</summary>
    public static bool ParameterHas(LlvmGlobal function, int parameter, uint kind) =>
        kind != 0 && LlvmApi.LLVMGetEnumAttributeAtIndex(function.Handle, FirstParameterIndex + (uint)parameter, kind) != 0;

    public static int ParameterCount(LlvmGlobal function) => (int)LlvmApi.LLVMCountParams(function.Handle);
}
