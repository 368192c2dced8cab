using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>The constants, types and globals part of LLVM's C API, used to read and replace map definitions.</summary>
internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMGetInitializer(nint global);
    [LibraryImport(Library)] public static partial void LLVMSetInitializer(nint global, nint value);
    [LibraryImport(Library)] public static partial nint LLVMTypeOf(nint value);
    [LibraryImport(Library)] public static partial int LLVMGetTypeKind(nint type);
    [LibraryImport(Library)] public static partial uint LLVMGetIntTypeWidth(nint type);
    [LibraryImport(Library)] public static partial nint LLVMIsAConstantInt(nint value);
    [LibraryImport(Library)] public static partial ulong LLVMConstIntGetZExtValue(nint value);
    [LibraryImport(Library)] public static partial int LLVMIsNull(nint value);
    [LibraryImport(Library)] public static partial nint LLVMGetAggregateElement(nint value, uint index);
    [LibraryImport(Library)] public static partial ulong LLVMGetArrayLength2(nint arrayType);
    [LibraryImport(Library)] public static partial uint LLVMCountStructElementTypes(nint structType);
    [LibraryImport(Library)] public static partial nint LLVMStructGetTypeAtIndex(nint structType, uint index);
    [LibraryImport(Library)] public static partial nint LLVMGetElementType(nint type);
    [LibraryImport(Library)] public static partial nint LLVMGetModuleDataLayout(nint module);
    [LibraryImport(Library)] public static partial ulong LLVMOffsetOfElement(nint dataLayout, nint structType, uint index);
    [LibraryImport(Library)] public static partial ulong LLVMABISizeOfType(nint dataLayout, nint type);
    [LibraryImport(Library)] public static partial ulong LLVMStoreSizeOfType(nint dataLayout, nint type);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMAddGlobal(nint module, nint type, string name);
    [LibraryImport(Library)] public static partial nint LLVMStructTypeInContext(nint context, nint* elements, uint count, int packed);
    [LibraryImport(Library)] public static partial nint LLVMPointerTypeInContext(nint context, uint addressSpace);
    [LibraryImport(Library)] public static partial nint LLVMConstNull(nint type);
    [LibraryImport(Library)] public static partial nint LLVMConstStringInContext2(nint context, byte* text, nuint length, int dontNullTerminate);
    [LibraryImport(Library)] public static partial nint LLVMIsAConstantExpr(nint value);
    [LibraryImport(Library)] public static partial int LLVMIsUndef(nint value);
    [LibraryImport(Library)] public static partial int LLVMIsPoison(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAConstantStruct(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAConstantArray(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAConstantVector(nint value);
    [LibraryImport(Library)] public static partial nint LLVMConstNamedStruct(nint structType, nint* values, uint count);
    [LibraryImport(Library)] public static partial nint LLVMConstArray2(nint elementType, nint* values, ulong count);
    [LibraryImport(Library)] public static partial nint LLVMConstVector(nint* values, uint count);
    [LibraryImport(Library)] public static partial int LLVMGetConstOpcode(nint constant);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMSetSection(nint global, string section);
    [LibraryImport(Library)] public static partial void LLVMSetAlignment(nint global, uint bytes);
    [LibraryImport(Library)] public static partial int LLVMIsGlobalConstant(nint global);
    [LibraryImport(Library)] public static partial void LLVMSetGlobalConstant(nint global, int isConstant);
    [LibraryImport(Library)] public static partial void LLVMSetExternallyInitialized(nint global, int isExternallyInitialized);
    [LibraryImport(Library)] public static partial void LLVMReplaceAllUsesWith(nint oldValue, nint newValue);
    [LibraryImport(Library)] public static partial void LLVMDeleteGlobal(nint global);
    [LibraryImport(Library)] public static partial void LLVMGlobalSetMetadata(nint global, uint kind, nint metadata);
}
