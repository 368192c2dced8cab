using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>The metadata and debug-info part of LLVM's C API, used to repair debug info before BTF is made from it.</summary>
internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMMetadataAsValue(nint context, nint metadata);
    [LibraryImport(Library)] public static partial nint LLVMValueAsMetadata(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAMDNode(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAMDString(nint value);
    [LibraryImport(Library)] public static partial uint LLVMGetMetadataKind(nint metadata);
    [LibraryImport(Library)] public static partial ushort LLVMGetDINodeTag(nint metadata);
    [LibraryImport(Library)] public static partial uint LLVMGetMDNodeNumOperands(nint value);
    [LibraryImport(Library)] public static partial void LLVMGetMDNodeOperands(nint value, nint* destination);
    [LibraryImport(Library)] public static partial void LLVMReplaceMDNodeOperandWith(nint value, uint index, nint replacement);
    [LibraryImport(Library)] public static partial nint LLVMGetMDString(nint value, out uint length);
    [LibraryImport(Library)] public static partial nint LLVMMDStringInContext2(nint context, byte* text, nuint length);
    [LibraryImport(Library)] public static partial nint LLVMMDNodeInContext2(nint context, nint* operands, nuint count);
    [LibraryImport(Library)] public static partial nint LLVMPrintValueToString(nint value);

    [LibraryImport(Library)] public static partial ulong LLVMDITypeGetSizeInBits(nint type);
    [LibraryImport(Library)] public static partial ulong LLVMDITypeGetOffsetInBits(nint type);
    [LibraryImport(Library)] public static partial uint LLVMDITypeGetAlignInBits(nint type);
    [LibraryImport(Library)] public static partial uint LLVMDITypeGetLine(nint type);
    [LibraryImport(Library)] public static partial uint LLVMDISubprogramGetLine(nint subprogram);
    [LibraryImport(Library)] public static partial nint LLVMDIScopeGetFile(nint scope);
    [LibraryImport(Library)] public static partial nint LLVMDIFileGetFilename(nint file, out uint length);
    [LibraryImport(Library)] public static partial nint LLVMDIFileGetDirectory(nint file, out uint length);

    [LibraryImport(Library)] public static partial nint LLVMGetSubprogram(nint function);
    [LibraryImport(Library)] public static partial uint LLVMGetNamedMetadataNumOperands(nint module, byte* name);
    [LibraryImport(Library)] public static partial void LLVMGetNamedMetadataOperands(nint module, byte* name, nint* destination);
    [LibraryImport(Library)] public static partial nint LLVMGlobalCopyAllMetadata(nint global, out nuint count);
    [LibraryImport(Library)] public static partial nint LLVMValueMetadataEntriesGetMetadata(nint entries, uint index);
    [LibraryImport(Library)] public static partial void LLVMDisposeValueMetadataEntries(nint entries);
    [LibraryImport(Library)] public static partial uint LLVMValueMetadataEntriesGetKind(nint entries, uint index);
    [LibraryImport(Library)] public static partial void LLVMGlobalEraseMetadata(nint global, uint kind);
    [LibraryImport(Library)] public static partial uint LLVMGetMDKindIDInContext(nint context, byte* name, uint length);
    [LibraryImport(Library)] public static partial nint LLVMDIGlobalVariableExpressionGetExpression(nint expression);
    [LibraryImport(Library)] public static partial nint LLVMDIGlobalVariableExpressionGetVariable(nint expression);
    [LibraryImport(Library)] public static partial void LLVMSetValueName2(nint value, byte* name, nuint length);

    [LibraryImport(Library)] public static partial nint LLVMCreateDIBuilderDisallowUnresolved(nint module);
    [LibraryImport(Library)] public static partial void LLVMDisposeDIBuilder(nint builder);
    [LibraryImport(Library)] public static partial void LLVMDIBuilderFinalize(nint builder);
    [LibraryImport(Library)] public static partial nint LLVMDIBuilderCreateBasicType(nint builder, byte* name, nuint nameLength, ulong sizeInBits, uint encoding, int flags);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreateStructType(nint builder, nint scope, byte* name, nuint nameLength, nint file, uint line,
        ulong sizeInBits, uint alignInBits, int flags, nint derivedFrom, nint* elements, uint elementCount, uint runtimeLanguage,
        nint vtableHolder, byte* uniqueId, nuint uniqueIdLength);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreateMemberType(nint builder, nint scope, byte* name, nuint nameLength, nint file, uint line,
        ulong sizeInBits, uint alignInBits, ulong offsetInBits, int flags, nint type);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreatePointerType(nint builder, nint pointee, ulong sizeInBits, uint alignInBits, uint addressSpace,
        byte* name, nuint nameLength);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreateArrayType(nint builder, ulong sizeInBits, uint alignInBits, nint elementType, nint* subscripts, uint subscriptCount);
    [LibraryImport(Library)] public static partial nint LLVMDIBuilderGetOrCreateSubrange(nint builder, long lowerBound, long count);
    [LibraryImport(Library)] public static partial nint LLVMDIBuilderCreateExpression(nint builder, ulong* operations, nuint count);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreateGlobalVariableExpression(nint builder, nint scope, byte* name, nuint nameLength,
        byte* linkageName, nuint linkageNameLength, nint file, uint line, nint type, int localToUnit, nint expression, nint declaration, uint alignInBits);
    [LibraryImport(Library)] public static partial nint LLVMDIVariableGetFile(nint variable);
    [LibraryImport(Library)] public static partial nint LLVMDIVariableGetScope(nint variable);
    [LibraryImport(Library)] public static partial uint LLVMDIVariableGetLine(nint variable);
    [LibraryImport(Library)]
    public static partial nint LLVMDIBuilderCreateParameterVariable(nint builder, nint scope, byte* name, nuint nameLength, uint argNo,
        nint file, uint line, nint type, int alwaysPreserve, int flags);
}

internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMPrintModuleToString(nint module);
    [LibraryImport(Library)] public static partial nint LLVMDIBuilderCreateSubroutineType(nint builder, nint file, nint* parameterTypes, uint count, int flags);
}
