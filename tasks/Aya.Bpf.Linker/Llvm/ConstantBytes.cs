namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// The bytes a global's initializer puts in memory, as the target lays them out (struct padding, array
/// strides and integer byte order from the module's data layout). Only plain data can be read: an
/// initializer holding addresses or floating-point values gives null.
/// </summary>
internal static class ConstantBytes
{
    private const int IntegerKind = 8;
    private const int StructKind = 10;
    private const int ArrayKind = 11;

    public static byte[]? Read(LlvmModule module, LlvmGlobal global, bool bigEndian)
    {
        var initializer = LlvmApi.LLVMGetInitializer(global.Handle);
        if (initializer == 0)
            return null;
        var layout = LlvmApi.LLVMGetModuleDataLayout(module.Raw);
        var type = LlvmApi.LLVMTypeOf(initializer);
        var bytes = new byte[checked((int)LlvmApi.LLVMABISizeOfType(layout, type))];
        return Write(layout, initializer, bytes, 0, bigEndian) ? bytes : null;
    }

    private static bool Write(nint layout, nint value, byte[] bytes, int offset, bool bigEndian)
    {
        if (LlvmApi.LLVMIsNull(value) != 0)
            return true;
        var type = LlvmApi.LLVMTypeOf(value);
        switch (LlvmApi.LLVMGetTypeKind(type))
        {
            case IntegerKind when LlvmApi.LLVMIsAConstantInt(value) != 0:
                WriteInteger(LlvmApi.LLVMConstIntGetZExtValue(value), (int)LlvmApi.LLVMStoreSizeOfType(layout, type), bytes, offset, bigEndian);
                return true;
            case StructKind:
                for (uint i = 0; i < LlvmApi.LLVMCountStructElementTypes(type); i++)
                {
                    var at = offset + (int)LlvmApi.LLVMOffsetOfElement(layout, type, i);
                    if (!WriteElement(layout, value, i, bytes, at, bigEndian))
                        return false;
                }
                return true;
            case ArrayKind:
                var stride = (int)LlvmApi.LLVMABISizeOfType(layout, LlvmApi.LLVMGetElementType(type));
                for (uint i = 0; i < LlvmApi.LLVMGetArrayLength2(type); i++)
                {
                    if (!WriteElement(layout, value, i, bytes, offset + (int)i * stride, bigEndian))
                        return false;
                }
                return true;
            default:
                return false;
        }
    }

    private static bool WriteElement(nint layout, nint aggregate, uint index, byte[] bytes, int offset, bool bigEndian)
    {
        var element = LlvmApi.LLVMGetAggregateElement(aggregate, index);
        return element != 0 && Write(layout, element, bytes, offset, bigEndian);
    }

    private static void WriteInteger(ulong value, int size, byte[] bytes, int offset, bool bigEndian)
    {
        for (var i = 0; i < size && i < sizeof(ulong); i++)
        {
            var at = bigEndian ? offset + size - 1 - i : offset + i;
            bytes[at] = (byte)(value >> (8 * i));
        }
    }
}
