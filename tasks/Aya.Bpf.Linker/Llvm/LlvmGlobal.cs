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

    /// <summary>A function's instructions, block by block.</summary>
    public IEnumerable<LlvmInstruction> Instructions(LlvmContext context)
    {
        for (var block = LlvmApi.LLVMGetFirstBasicBlock(handle); block != 0; block = LlvmApi.LLVMGetNextBasicBlock(block))
        {
            for (var instruction = LlvmApi.LLVMGetFirstInstruction(block); instruction != 0; instruction = LlvmApi.LLVMGetNextInstruction(instruction))
                yield return new LlvmInstruction(context.Raw, instruction);
        }
    }

    /// <summary>A function's return type, then its parameters' types, as the IR has them now.</summary>
    public IReadOnlyList<LlvmSignatureType> Signature
    {
        get
        {
            List<LlvmSignatureType> types = [Describe(LlvmApi.LLVMGetReturnType(LlvmApi.LLVMGlobalGetValueType(handle)))];
            for (uint i = 0; i < LlvmApi.LLVMCountParams(handle); i++)
                types.Add(Describe(LlvmApi.LLVMTypeOf(LlvmApi.LLVMGetParam(handle, i))));
            return types;
        }
    }

    private static LlvmSignatureType Describe(nint type)
    {
        var kind = (LlvmTypeKind)LlvmApi.LLVMGetTypeKind(type);
        return new(kind, kind == LlvmTypeKind.Integer ? LlvmApi.LLVMGetIntTypeWidth(type) : 0);
    }

    public bool HasPersonality => LlvmApi.LLVMHasPersonalityFn(handle) != 0;

    public void ClearPersonality() => LlvmApi.LLVMSetPersonalityFn(handle, 0);

    public Linkage Linkage => (Linkage)LlvmApi.LLVMGetLinkage(handle);

    /// <summary>The metadata attached to a global variable, with each attachment's kind id.</summary>
    public IReadOnlyList<(uint Kind, LlvmMetadata Node)> Attachments(LlvmContext context)
    {
        var entries = LlvmApi.LLVMGlobalCopyAllMetadata(handle, out var count);
        if (entries == 0)
            return [];
        try
        {
            var attachments = new List<(uint, LlvmMetadata)>((int)count);
            for (uint i = 0; i < count; i++)
                attachments.Add((LlvmApi.LLVMValueMetadataEntriesGetKind(entries, i),
                    new LlvmMetadata(context.Raw, LlvmApi.LLVMValueMetadataEntriesGetMetadata(entries, i))));
            return attachments;
        }
        finally
        {
            LlvmApi.LLVMDisposeValueMetadataEntries(entries);
        }
    }

    /// <summary>Renames the symbol; LLVM appends a number when another global already has the name.</summary>
    public unsafe void Rename(string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        fixed (byte* text = bytes)
            LlvmApi.LLVMSetValueName2(handle, text, (nuint)bytes.Length);
    }

    public void SetSection(string section) => LlvmApi.LLVMSetSection(handle, section);

    /// <summary>For a variable: whether it is constant (LLVM puts it in a read-only section and may fold its loads).</summary>
    public bool IsConstant => LlvmApi.LLVMIsGlobalConstant(handle) != 0;

    public void SetConstant(bool constant) => LlvmApi.LLVMSetGlobalConstant(handle, constant ? 1 : 0);

    /// <summary>Tells LLVM the initial value may be replaced before the code runs, so no load of it is folded.</summary>
    public void SetExternallyInitialized() => LlvmApi.LLVMSetExternallyInitialized(handle, 1);

    public void SetAlignment(uint bytes) => LlvmApi.LLVMSetAlignment(handle, bytes);

    public void Attach(uint kind, LlvmMetadata node) => LlvmApi.LLVMGlobalSetMetadata(handle, kind, node.Handle);

    /// <summary>Makes every use of this global use <paramref name="replacement"/>, then deletes this one.</summary>
    public void ReplaceWith(LlvmGlobal replacement)
    {
        LlvmApi.LLVMReplaceAllUsesWith(handle, replacement.Handle);
        LlvmApi.LLVMDeleteGlobal(handle);
    }

    /// <summary>Removes every attachment of one kind (e.g. all <c>!dbg</c>).</summary>
    public void EraseAttachments(uint kind) => LlvmApi.LLVMGlobalEraseMetadata(handle, kind);

    /// <summary>A function's DISubprogram; null metadata when it has no debug info.</summary>
    public LlvmMetadata Subprogram(LlvmContext context) => new(context.Raw, LlvmApi.LLVMGetSubprogram(handle));

    /// <summary>Gives the symbol internal linkage: invisible outside the object, free to inline and drop.</summary>
    public void Internalize()
    {
        LlvmApi.LLVMSetVisibility(handle, DefaultVisibility);
        LlvmApi.LLVMSetLinkage(handle, (int)Linkage.Internal);
    }
}
