using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Intrinsic calls, call-site type attributes and instruction metadata: what relocatable accesses are written with.</summary>
internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial uint LLVMLookupIntrinsicID(byte* name, nuint length);
    [LibraryImport(Library)] public static partial nint LLVMGetIntrinsicDeclaration(nint module, uint id, nint* parameterTypes, nuint count);
    [LibraryImport(Library)] public static partial nint LLVMCreateTypeAttribute(nint context, uint kind, nint type);
    [LibraryImport(Library)] public static partial void LLVMAddCallSiteAttribute(nint call, uint index, nint attribute);
    [LibraryImport(Library)] public static partial void LLVMSetMetadata(nint instruction, uint kind, nint metadataAsValue);
    [LibraryImport(Library)] public static partial nint LLVMConstInt(nint type, ulong value, int signExtend);
    [LibraryImport(Library)] public static partial nint LLVMInt8TypeInContext(nint context);
    [LibraryImport(Library)] public static partial nint LLVMInt64TypeInContext(nint context);
    [LibraryImport(Library)] public static partial nint LLVMArrayType2(nint elementType, ulong count);
    [LibraryImport(Library)] public static partial nint LLVMGetNextUse(nint use);
    [LibraryImport(Library)] public static partial nint LLVMGetUser(nint use);
    [LibraryImport(Library)] public static partial void LLVMDeleteFunction(nint function);
    [LibraryImport(Library)] public static partial int LLVMDITypeGetFlags(nint type);
    [LibraryImport(Library)] public static partial nint LLVMGetInstructionParent(nint instruction);
    [LibraryImport(Library)] public static partial nint LLVMGetBasicBlockParent(nint block);
}

/// <summary>Reading integer and address arithmetic: opcodes, GEP types and signed constants.</summary>
internal static partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMIsAInstruction(nint value);
    [LibraryImport(Library)] public static partial nint LLVMGetGEPSourceElementType(nint gep);
    [LibraryImport(Library)] public static partial long LLVMConstIntGetSExtValue(nint value);
}
