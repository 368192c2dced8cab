namespace Aya.Bpf.Linker.Llvm;

/// <summary>Constants with their undefined parts (<c>undef</c>, <c>poison</c>, also inside aggregates) made zero.</summary>
internal static unsafe class DefinedConstants
{
    /// <summary>
    /// <paramref name="value"/> itself when it is defined throughout (or not a constant); otherwise
    /// the same constant with zero for every undefined part.
    /// </summary>
    public static nint Of(nint value)
    {
        if (LlvmApi.LLVMIsUndef(value) != 0 || LlvmApi.LLVMIsPoison(value) != 0)
            return LlvmApi.LLVMConstNull(LlvmApi.LLVMTypeOf(value));
        var isStruct = LlvmApi.LLVMIsAConstantStruct(value) != 0;
        var isArray = LlvmApi.LLVMIsAConstantArray(value) != 0;
        if (!isStruct && !isArray && LlvmApi.LLVMIsAConstantVector(value) == 0)
            return value;
        var count = (uint)LlvmApi.LLVMGetNumOperands(value);
        var elements = new nint[count];
        var changed = false;
        for (uint i = 0; i < count; i++)
        {
            var element = LlvmApi.LLVMGetOperand(value, i);
            elements[i] = Of(element);
            changed |= elements[i] != element;
        }
        if (!changed)
            return value;
        var type = LlvmApi.LLVMTypeOf(value);
        fixed (nint* parts = elements)
        {
            return isStruct ? LlvmApi.LLVMConstNamedStruct(type, parts, count)
                : isArray ? LlvmApi.LLVMConstArray2(LlvmApi.LLVMGetElementType(type), parts, count)
                : LlvmApi.LLVMConstVector(parts, count);
        }
    }
}
