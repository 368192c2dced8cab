namespace Aya.Bpf.Linker.Llvm;

/// <summary>LLVM's IRBuilder, for the few instructions the linker writes itself.</summary>
internal sealed class LlvmBuilder : IDisposable
{
    private readonly BuilderHandle _handle;
    private readonly LlvmContext _context;

    public LlvmBuilder(LlvmContext context)
    {
        _context = context;
        _handle = new BuilderHandle(LlvmApi.LLVMCreateBuilderInContext(context.Raw));
    }

    private nint Raw => _handle.DangerousGetHandle();

    /// <summary>
    /// Replaces a call of a memory intrinsic (<c>llvm.memcpy</c>, <c>llvm.memmove</c>, <c>llvm.memset</c>)
    /// with a call of <paramref name="function"/>, the C function of the same name: its first three
    /// arguments, memset's byte widened to C's int. The new call keeps the old one's source location.
    /// </summary>
    public unsafe void ReplaceWithCall(LlvmInstruction intrinsicCall, LlvmGlobal function)
    {
        LlvmApi.LLVMPositionBuilderBefore(Raw, intrinsicCall.Handle);
        LlvmApi.LLVMSetCurrentDebugLocation2(Raw, LlvmApi.LLVMInstructionGetDebugLoc(intrinsicCall.Handle));
        var args = stackalloc nint[3];
        for (var i = 0; i < 3; i++)
            args[i] = intrinsicCall.Argument(i);
        var signature = function.Signature;
        var secondType = LlvmApi.LLVMTypeOf(args[1]);
        if (signature[2] is { Kind: LlvmTypeKind.Integer, IntegerBits: 32 }
            && (LlvmTypeKind)LlvmApi.LLVMGetTypeKind(secondType) == LlvmTypeKind.Integer && LlvmApi.LLVMGetIntTypeWidth(secondType) == 8)
            args[1] = LlvmApi.LLVMBuildZExt(Raw, args[1], LlvmApi.LLVMInt32TypeInContext(_context.Raw), "");
        LlvmApi.LLVMBuildCall2(Raw, LlvmApi.LLVMGlobalGetValueType(function.Handle), function.Handle, args, 3, "");
        LlvmApi.LLVMInstructionEraseFromParent(intrinsicCall.Handle);
    }

    /// <summary>Replaces an <c>unreachable</c> of <paramref name="function"/> with a return of zero (or nothing), keeping its source location.</summary>
    public void ReplaceWithReturn(LlvmInstruction unreachable, LlvmGlobal function)
    {
        LlvmApi.LLVMPositionBuilderBefore(Raw, unreachable.Handle);
        LlvmApi.LLVMSetCurrentDebugLocation2(Raw, LlvmApi.LLVMInstructionGetDebugLoc(unreachable.Handle));
        var returnType = LlvmApi.LLVMGetReturnType(LlvmApi.LLVMGlobalGetValueType(function.Handle));
        if ((LlvmTypeKind)LlvmApi.LLVMGetTypeKind(returnType) == LlvmTypeKind.Void)
            LlvmApi.LLVMBuildRetVoid(Raw);
        else
            LlvmApi.LLVMBuildRet(Raw, LlvmApi.LLVMConstNull(returnType));
        LlvmApi.LLVMInstructionEraseFromParent(unreachable.Handle);
    }

    public void Dispose() => _handle.Dispose();
}
