using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>The inline assembly part of LLVM's C API: reading an asm callee, making one, and the
/// few builder calls that put one into a function of its own to try the assembler on.</summary>
internal static unsafe partial class LlvmApi
{
    [LibraryImport(Library)] public static partial nint LLVMGetInlineAsmAsmString(nint inlineAsm, out nuint length);
    [LibraryImport(Library)] public static partial nint LLVMGetInlineAsmConstraintString(nint inlineAsm, out nuint length);
    [LibraryImport(Library)] public static partial int LLVMGetInlineAsmDialect(nint inlineAsm);
    [LibraryImport(Library)] public static partial nint LLVMGetInlineAsmFunctionType(nint inlineAsm);
    [LibraryImport(Library)] public static partial int LLVMGetInlineAsmHasSideEffects(nint inlineAsm);
    [LibraryImport(Library)] public static partial int LLVMGetInlineAsmNeedsAlignedStack(nint inlineAsm);
    [LibraryImport(Library)] public static partial int LLVMGetInlineAsmCanUnwind(nint inlineAsm);
    [LibraryImport(Library)]
    public static partial nint LLVMGetInlineAsm(nint functionType, byte* asmString, nuint asmLength, byte* constraints, nuint constraintsLength,
        int hasSideEffects, int isAlignStack, int dialect, int canThrow);

    [LibraryImport(Library)] public static partial int LLVMGetNumOperands(nint user);
    [LibraryImport(Library)] public static partial void LLVMSetOperand(nint user, uint index, nint value);

    [LibraryImport(Library)] public static partial uint LLVMCountParamTypes(nint functionType);
    [LibraryImport(Library)] public static partial void LLVMGetParamTypes(nint functionType, nint* types);
    [LibraryImport(Library)] public static partial nint LLVMVoidTypeInContext(nint context);
    [LibraryImport(Library)] public static partial nint LLVMFunctionType(nint returnType, nint* parameters, uint count, int isVarArg);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMAddFunction(nint module, string name, nint functionType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMAppendBasicBlockInContext(nint context, nint function, string name);
    [LibraryImport(Library)] public static partial void LLVMPositionBuilderAtEnd(nint builder, nint block);
}
