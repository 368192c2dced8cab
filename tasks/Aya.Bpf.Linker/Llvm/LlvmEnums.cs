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
