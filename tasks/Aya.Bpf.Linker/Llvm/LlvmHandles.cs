using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Base of the owning handles: zero is invalid, and release calls one LLVM dispose function.</summary>
internal abstract class LlvmHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    /// <summary>For an API that consumed the object: the handle no longer owns it.</summary>
    public nint Surrender()
    {
        var value = handle;
        SetHandleAsInvalid();
        return value;
    }
}

internal sealed class ContextHandle : LlvmHandle
{
    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMContextDispose(handle);
        return true;
    }
}

internal sealed class ModuleHandle : LlvmHandle
{
    public ModuleHandle(nint module) => SetHandle(module);

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposeModule(handle);
        return true;
    }
}

internal sealed class MemoryBufferHandle : LlvmHandle
{
    public MemoryBufferHandle(nint buffer) => SetHandle(buffer);

    public unsafe ReadOnlySpan<byte> Span =>
        new((void*)LlvmApi.LLVMGetBufferStart(handle), checked((int)LlvmApi.LLVMGetBufferSize(handle)));

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposeMemoryBuffer(handle);
        return true;
    }
}

internal sealed class TargetMachineHandle : LlvmHandle
{
    public TargetMachineHandle(nint machine) => SetHandle(machine);

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposeTargetMachine(handle);
        return true;
    }
}

internal sealed class PassBuilderOptionsHandle : LlvmHandle
{
    public PassBuilderOptionsHandle() => SetHandle(LlvmApi.LLVMCreatePassBuilderOptions());

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposePassBuilderOptions(handle);
        return true;
    }
}

internal sealed class DIBuilderHandle : LlvmHandle
{
    public DIBuilderHandle(nint builder) => SetHandle(builder);

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposeDIBuilder(handle);
        return true;
    }
}

internal sealed class BuilderHandle : LlvmHandle
{
    public BuilderHandle(nint builder) => SetHandle(builder);

    protected override bool ReleaseHandle()
    {
        LlvmApi.LLVMDisposeBuilder(handle);
        return true;
    }
}
