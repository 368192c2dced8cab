namespace Aya.Bpf.Linker.Llvm;

/// <summary>An LLVM BPF target machine: runs the optimisation pipeline and writes the object.</summary>
internal sealed class TargetMachine : IDisposable
{
    private const int RelocDefault = 0;
    private const int CodeModelDefault = 0;
    private const int ObjectFile = 1;

    private readonly TargetMachineHandle _handle;

    private TargetMachine(TargetMachineHandle handle, string triple)
    {
        _handle = handle;
        Triple = triple;
    }

    public string Triple { get; }

    internal nint Raw => _handle.DangerousGetHandle();

    public static TargetMachine? TryCreate(string triple, string cpu, string features, CodeGenOptLevel level, out string? error)
    {
        if (LlvmApi.LLVMGetTargetFromTriple(triple, out var target, out var message) != 0)
        {
            error = LlvmStrings.TakeMessage(message);
            return null;
        }
        var machine = LlvmApi.LLVMCreateTargetMachine(target, triple, cpu, features, (int)level, RelocDefault, CodeModelDefault);
        error = machine == 0 ? $"LLVM could not create a target machine for {triple} (cpu '{cpu}')" : null;
        return machine == 0 ? null : new TargetMachine(new TargetMachineHandle(machine), triple);
    }

    /// <summary>Runs a new-pass-manager pipeline such as <c>default&lt;O2&gt;</c>; returns an error text or null.</summary>
    public string? RunPasses(LlvmModule module, string pipeline)
    {
        using var options = new PassBuilderOptionsHandle();
        return LlvmStrings.TakeError(LlvmApi.LLVMRunPasses(module.Raw, pipeline, Raw, options.DangerousGetHandle()));
    }

    public byte[]? TryEmitObject(LlvmModule module, out string? error)
    {
        if (LlvmApi.LLVMTargetMachineEmitToMemoryBuffer(Raw, module.Raw, ObjectFile, out var message, out var buffer) != 0)
        {
            error = LlvmStrings.TakeMessage(message);
            return null;
        }
        error = null;
        using var output = new MemoryBufferHandle(buffer);
        return output.Span.ToArray();
    }

    public void Dispose() => _handle.Dispose();
}
