using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>A diagnostic LLVM reported through the context's handler.</summary>
internal readonly record struct LlvmDiagnostic(DiagnosticSeverityLevel Severity, string Text);

/// <summary>
/// An LLVM context whose diagnostics are captured instead of printed, so each can become a coded
/// build error. Callers take them with <see cref="TakeDiagnostics"/> after each operation.
/// </summary>
internal sealed unsafe class LlvmContext : IDisposable
{
    private readonly ContextHandle _handle;
    private readonly List<LlvmDiagnostic> _diagnostics = [];
    private GCHandle _self;

    public LlvmContext()
    {
        _handle = new ContextHandle();
        Marshal.InitHandle(_handle, LlvmApi.LLVMContextCreate());
        _self = GCHandle.Alloc(this);
        LlvmApi.LLVMContextSetDiagnosticHandler(Raw, &OnDiagnostic, GCHandle.ToIntPtr(_self));
    }

    internal nint Raw => _handle.DangerousGetHandle();

    /// <summary>The id of a metadata attachment kind, e.g. <c>dbg</c>.</summary>
    public uint MetadataKindId(string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        fixed (byte* text = bytes)
            return LlvmApi.LLVMGetMDKindIDInContext(Raw, text, (uint)bytes.Length);
    }

    public IReadOnlyList<LlvmDiagnostic> TakeDiagnostics()
    {
        var taken = _diagnostics.ToArray();
        _diagnostics.Clear();
        return taken;
    }

    public void Dispose()
    {
        _handle.Dispose();
        if (_self.IsAllocated)
            _self.Free();
    }

    [UnmanagedCallersOnly]
    private static void OnDiagnostic(nint info, nint state)
    {
        // An exception must never cross back into native code.
        try
        {
            if (GCHandle.FromIntPtr(state).Target is not LlvmContext context)
                return;
            var severity = (DiagnosticSeverityLevel)LlvmApi.LLVMGetDiagInfoSeverity(info);
            var text = LlvmStrings.TakeMessage(LlvmApi.LLVMGetDiagInfoDescription(info));
            context._diagnostics.Add(new LlvmDiagnostic(severity, text));
        }
        catch (Exception)
        {
        }
    }
}
