namespace Aya.Bpf.Linker.Llvm;

/// <summary>LLVMLinkage, with the values of llvm-c/Core.h.</summary>
internal enum Linkage
{
    External = 0,
    AvailableExternally = 1,
    LinkOnceAny = 2,
    LinkOnceOdr = 3,
    WeakAny = 5,
    WeakOdr = 6,
    Appending = 7,
    Internal = 8,
    Private = 9,
    ExternalWeak = 12,
    Common = 14,
}

internal enum DiagnosticSeverityLevel
{
    Error = 0,
    Warning = 1,
    Remark = 2,
    Note = 3,
}

internal enum CodeGenOptLevel
{
    None = 0,
    Less = 1,
    Default = 2,
    Aggressive = 3,
}

/// <summary>LLVMTypeKind, the kinds a signature needs told apart.</summary>
internal enum LlvmTypeKind
{
    Void = 0,
    Float = 2,
    Double = 3,
    Integer = 8,
    Function = 9,
    Struct = 10,
    Array = 11,
    Pointer = 12,
}

/// <summary>LLVMOpcode, the instructions the linker looks into.</summary>
internal enum LlvmOpcode
{
    Unreachable = 7,
    Add = 8,
    Sub = 10,
    Alloca = 26,
    GetElementPtr = 29,
    PtrToInt = 39,
    IntToPtr = 40,
    BitCast = 41,
}

/// <summary>A type in a function's signature: its kind and, for an integer, its width.</summary>
internal readonly record struct LlvmSignatureType(LlvmTypeKind Kind, uint IntegerBits);
