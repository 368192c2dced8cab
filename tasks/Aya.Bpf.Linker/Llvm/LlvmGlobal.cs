namespace Aya.Bpf.Linker.Llvm;

internal enum GlobalKind
{
    Function,
    Variable,
    Alias,
}

/// <summary>A function, global variable or alias of a module (a borrowed LLVMValueRef).</summary>
internal readonly struct LlvmGlobal(nint handle, GlobalKind kind)
{
    private const int DefaultVisibility = 0;

    internal nint Handle => handle;

    public GlobalKind Kind => kind;

    public string Name => LlvmStrings.Borrowed(LlvmApi.LLVMGetValueName2(handle, out var length), length);

    public bool IsDeclaration => LlvmApi.LLVMIsDeclaration(handle) != 0;

    public string Section => LlvmStrings.Borrowed(LlvmApi.LLVMGetSection(handle));

    public bool IsUsed => LlvmApi.LLVMGetFirstUse(handle) != 0;

    public Linkage Linkage => (Linkage)LlvmApi.LLVMGetLinkage(handle);

    /// <summary>Gives the symbol internal linkage: invisible outside the object, free to inline and drop.</summary>
    public void Internalize()
    {
        LlvmApi.LLVMSetVisibility(handle, DefaultVisibility);
        LlvmApi.LLVMSetLinkage(handle, (int)Linkage.Internal);
    }
}
