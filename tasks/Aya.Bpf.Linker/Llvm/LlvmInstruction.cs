namespace Aya.Bpf.Linker.Llvm;

/// <summary>An instruction of a function (a borrowed LLVMValueRef).</summary>
internal readonly struct LlvmInstruction(nint context, nint handle)
{
    internal nint Handle => handle;

    public bool IsCall => LlvmApi.LLVMIsACallInst(handle) != 0;

    public bool IsLandingPad => LlvmApi.LLVMIsALandingPadInst(handle) != 0;

    public bool IsUnreachable => (LlvmOpcode)LlvmApi.LLVMGetInstructionOpcode(handle) == LlvmOpcode.Unreachable;

    public bool IsInvoke => LlvmApi.LLVMIsAInvokeInst(handle) != 0;

    /// <summary>For a stack slot (<c>alloca</c>): the bytes its type takes in <paramref name="module"/>'s layout; null for any other instruction.</summary>
    public ulong? StackSlotBytes(LlvmModule module) =>
        (LlvmOpcode)LlvmApi.LLVMGetInstructionOpcode(handle) == LlvmOpcode.Alloca
            ? LlvmApi.LLVMABISizeOfType(LlvmApi.LLVMGetModuleDataLayout(module.Raw), LlvmApi.LLVMGetAllocatedType(handle))
            : null;

    /// <summary>For a call of inline assembly: the assembly.</summary>
    public LlvmInlineAsm? CalledAsm
    {
        get
        {
            var called = LlvmApi.LLVMGetCalledValue(handle);
            return LlvmApi.LLVMIsAInlineAsm(called) != 0 ? new LlvmInlineAsm(called) : null;
        }
    }

    /// <summary>For a call: calls <paramref name="callee"/> instead, with the same arguments (the callee is a call's last operand).</summary>
    public void SetCallee(LlvmInlineAsm callee) =>
        LlvmApi.LLVMSetOperand(handle, (uint)(LlvmApi.LLVMGetNumOperands(handle) - 1), callee.Handle);

    /// <summary>
    /// The source file of the code this instruction came from: for code inlined from core, core's
    /// file. Null without debug info.
    /// </summary>
    public string? InnermostSourceFile => InnermostSourceLocation?.File;

    /// <summary>The source file and line of the code this instruction came from (for code inlined from core, core's). Null without debug info.</summary>
    public (string File, int Line)? InnermostSourceLocation => Locate(LlvmApi.LLVMInstructionGetDebugLoc(handle));

    /// <summary>The instruction's DILocation; null metadata when it has none.</summary>
    public LlvmMetadata DebugLocation => new(context, LlvmApi.LLVMInstructionGetDebugLoc(handle));

    /// <summary>For a call: the called function, when it calls one directly.</summary>
    public LlvmGlobal? CalledFunction
    {
        get
        {
            var called = LlvmApi.LLVMGetCalledValue(handle);
            return LlvmApi.LLVMIsAFunction(called) != 0 ? new LlvmGlobal(called, GlobalKind.Function) : null;
        }
    }

    /// <summary>
    /// For a call of a constant address (<c>inttoptr (i64 N to ptr)</c>, how C and Rust call a BPF
    /// helper by its number): the address; null for any other call.
    /// </summary>
    public ulong? CalledAddress
    {
        get
        {
            var called = LlvmApi.LLVMGetCalledValue(handle);
            if (LlvmApi.LLVMIsAConstantExpr(called) == 0 || (LlvmOpcode)LlvmApi.LLVMGetConstOpcode(called) != LlvmOpcode.IntToPtr)
                return null;
            var address = LlvmApi.LLVMGetOperand(called, 0);
            return LlvmApi.LLVMIsAConstantInt(address) != 0 ? LlvmApi.LLVMConstIntGetZExtValue(address) : null;
        }
    }

    /// <summary>For a call: removes the call site's own enum attribute <paramref name="kind"/> (rustc puts <c>noinline</c> on calls too).</summary>
    public void RemoveCallAttribute(uint kind) => LlvmApi.LLVMRemoveCallSiteEnumAttribute(handle, LlvmApi.FunctionAttributeIndex, kind);

    /// <summary>For a call: its <paramref name="index"/>th argument; for any instruction, its <paramref name="index"/>th operand.</summary>
    public nint Argument(int index) => LlvmApi.LLVMGetOperand(handle, (uint)index);

    public int OperandCount => LlvmApi.LLVMGetNumOperands(handle);

    /// <summary>Whether anything uses the instruction's result.</summary>
    public bool IsUsed => LlvmApi.LLVMGetFirstUse(handle) != 0;

    public void Erase() => LlvmApi.LLVMInstructionEraseFromParent(handle);

    /// <summary>For a call: its <paramref name="index"/>th argument when that is a global variable itself.</summary>
    public LlvmGlobal? GlobalArgument(int index) =>
        LlvmApi.LLVMIsAGlobalVariable(Argument(index)) != 0 ? new LlvmGlobal(Argument(index), GlobalKind.Variable) : null;

    public void SetOperand(int index, nint value) => LlvmApi.LLVMSetOperand(handle, (uint)index, value);

    /// <summary>For a call: whether its <paramref name="index"/>th argument is a constant integer.</summary>
    public bool ArgumentIsConstant(int index) => LlvmApi.LLVMIsAConstantInt(Argument(index)) != 0;

    /// <summary>For a call: its <paramref name="index"/>th argument's value, when that is a constant integer.</summary>
    public ulong? ConstantArgument(int index) =>
        ArgumentIsConstant(index) ? LlvmApi.LLVMConstIntGetZExtValue(Argument(index)) : null;

    /// <summary>
    /// For a call: the alignment known of its <paramref name="index"/>th (pointer) argument, from the
    /// call site's promise or, for a global variable or stack slot itself, from its declaration; 1
    /// when nothing is known.
    /// </summary>
    public ulong ArgumentAlignment(int index)
    {
        var kind = LlvmAttributes.EnumKind("align");
        var attribute = kind == 0 ? 0 : LlvmApi.LLVMGetCallSiteEnumAttribute(handle, LlvmAttributes.FirstParameterIndex + (uint)index, kind);
        var promised = attribute == 0 ? 1 : LlvmApi.LLVMGetEnumAttributeValue(attribute);
        var pointer = Argument(index);
        var declared = LlvmApi.LLVMIsAGlobalVariable(pointer) != 0 || LlvmApi.LLVMIsAAllocaInst(pointer) != 0
            ? LlvmApi.LLVMGetAlignment(pointer)
            : 1;
        return Math.Max(1, Math.Max(promised, declared));
    }

    /// <summary>
    /// The source file and line of this instruction in the function it ended up in: for code
    /// inlined from core, the line of the program's own source that led there. Null without debug info.
    /// </summary>
    public (string File, int Line)? OutermostSourceLocation
    {
        get
        {
            var location = LlvmApi.LLVMInstructionGetDebugLoc(handle);
            for (var outer = location; outer != 0; outer = LlvmApi.LLVMDILocationGetInlinedAt(outer))
                location = outer;
            return Locate(location);
        }
    }

    /// <summary>
    /// The first source location, going out through the functions this instruction was inlined into,
    /// that is not in <paramref name="file"/>: where a program used a helper of that file. Null without debug info.
    /// </summary>
    public (string File, int Line)? SourceLocationOutside(string? file)
    {
        var innermost = LlvmApi.LLVMInstructionGetDebugLoc(handle);
        for (var location = innermost; location != 0; location = LlvmApi.LLVMDILocationGetInlinedAt(location))
        {
            if (Locate(location) is { } found && found.File != file)
                return found;
        }
        return Locate(innermost);
    }

    private (string File, int Line)? Locate(nint location)
    {
        if (location == 0)
            return null;
        var file = new LlvmMetadata(context, LlvmApi.LLVMDIScopeGetFile(LlvmApi.LLVMDILocationGetScope(location))).FilePath;
        return file is null ? null : (file, (int)LlvmApi.LLVMDILocationGetLine(location));
    }
}
