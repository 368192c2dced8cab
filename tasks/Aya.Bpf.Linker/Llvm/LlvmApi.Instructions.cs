using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Walking a function's instructions and reading and changing attributes and calls.</summary>
internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMGetFirstBasicBlock(nint function);
    [LibraryImport(Library)] public static partial nint LLVMGetNextBasicBlock(nint block);
    [LibraryImport(Library)] public static partial nint LLVMGetFirstInstruction(nint block);
    [LibraryImport(Library)] public static partial nint LLVMGetNextInstruction(nint instruction);
    [LibraryImport(Library)] public static partial nint LLVMIsACallInst(nint value);
    [LibraryImport(Library)] public static partial nint LLVMGetCalledValue(nint call);
    [LibraryImport(Library)] public static partial nint LLVMIsAInlineAsm(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAFunction(nint value);
    [LibraryImport(Library)] public static partial nint LLVMGetOperand(nint user, uint index);
    [LibraryImport(Library)] public static partial nint LLVMInstructionGetDebugLoc(nint instruction);
    [LibraryImport(Library)] public static partial uint LLVMDILocationGetLine(nint location);
    [LibraryImport(Library)] public static partial nint LLVMDILocationGetScope(nint location);
    [LibraryImport(Library)] public static partial nint LLVMDILocationGetInlinedAt(nint location);
    [LibraryImport(Library)] public static partial void LLVMInstructionEraseFromParent(nint instruction);
    [LibraryImport(Library)] public static partial int LLVMGetInstructionOpcode(nint instruction);
    [LibraryImport(Library)] public static partial nint LLVMGetAllocatedType(nint alloca);
    [LibraryImport(Library)] public static partial nint LLVMBuildRet(nint builder, nint value);
    [LibraryImport(Library)] public static partial nint LLVMBuildRetVoid(nint builder);

    [LibraryImport(Library)] public static partial uint LLVMCountParams(nint function);
    [LibraryImport(Library)] public static partial uint LLVMGetEnumAttributeKindForName(byte* name, nuint length);
    [LibraryImport(Library)] public static partial nint LLVMGetEnumAttributeAtIndex(nint function, uint index, uint kind);
    [LibraryImport(Library)] public static partial void LLVMRemoveEnumAttributeAtIndex(nint function, uint index, uint kind);
    [LibraryImport(Library)] public static partial nint LLVMCreateEnumAttribute(nint context, uint kind, ulong value);
    [LibraryImport(Library)] public static partial void LLVMAddAttributeAtIndex(nint function, uint index, nint attribute);
    [LibraryImport(Library)] public static partial nint LLVMGetCallSiteEnumAttribute(nint call, uint index, uint kind);
    [LibraryImport(Library)] public static partial void LLVMRemoveCallSiteEnumAttribute(nint call, uint index, uint kind);
    [LibraryImport(Library)] public static partial ulong LLVMGetEnumAttributeValue(nint attribute);
    [LibraryImport(Library)] public static partial nint LLVMIsAGlobalVariable(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAAllocaInst(nint value);
    [LibraryImport(Library)] public static partial uint LLVMGetAlignment(nint value);
    [LibraryImport(Library)] public static partial int LLVMHasPersonalityFn(nint function);
    [LibraryImport(Library)] public static partial void LLVMSetPersonalityFn(nint function, nint personality);
    [LibraryImport(Library)] public static partial nint LLVMIsALandingPadInst(nint value);
    [LibraryImport(Library)] public static partial nint LLVMIsAInvokeInst(nint value);
    [LibraryImport(Library)] public static partial nint LLVMGetModuleInlineAsm(nint module, out nuint length);
    [LibraryImport(Library)] public static partial void LLVMSetModuleInlineAsm2(nint module, byte* text, nuint length);

    [LibraryImport(Library)] public static partial nint LLVMCreateBuilderInContext(nint context);
    [LibraryImport(Library)] public static partial void LLVMDisposeBuilder(nint builder);
    [LibraryImport(Library)] public static partial void LLVMPositionBuilderBefore(nint builder, nint instruction);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMBuildCall2(nint builder, nint functionType, nint function, nint* args, uint count, string name);
    [LibraryImport(Library)] public static partial void LLVMSetCurrentDebugLocation2(nint builder, nint location);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMBuildZExt(nint builder, nint value, nint type, string name);
    [LibraryImport(Library)] public static partial nint LLVMInt32TypeInContext(nint context);
    [LibraryImport(Library)] public static partial nint LLVMGlobalGetValueType(nint global);
    [LibraryImport(Library)] public static partial nint LLVMGetReturnType(nint functionType);
    [LibraryImport(Library)] public static partial nint LLVMGetParam(nint function, uint index);
}
