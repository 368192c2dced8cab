using System.Text;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Creates debug-info nodes in a module (LLVM's DIBuilder) for the repairs that need new nodes.</summary>
internal sealed class DebugInfoBuilder : IDisposable
{
    private const uint DwarfUnsigned = 0x07; // DW_ATE_unsigned
    private readonly DIBuilderHandle _handle;
    private readonly LlvmContext _context;

    public DebugInfoBuilder(LlvmContext context, LlvmModule module)
    {
        _context = context;
        _handle = new DIBuilderHandle(LlvmApi.LLVMCreateDIBuilderDisallowUnresolved(module.Raw));
    }

    private nint Raw => _handle.DangerousGetHandle();

    public unsafe LlvmMetadata UnsignedType(string name, ulong sizeInBits)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateBasicType(Raw, data, (nuint)bytes.Length, sizeInBits, DwarfUnsigned, 0));
    }

    /// <summary>A struct with no members and size zero, as C describes an empty struct.</summary>
    public unsafe LlvmMetadata EmptyStruct(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateStructType(Raw, 0, data, (nuint)bytes.Length, 0, 0, 0, 8, 0, 0, null, 0, 0, 0, null, 0));
    }

    public unsafe LlvmMetadata Parameter(LlvmMetadata subprogram, string name, int argument, LlvmMetadata file, uint line, LlvmMetadata type)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateParameterVariable(Raw, subprogram.Handle, data, (nuint)bytes.Length, (uint)argument,
                file.Handle, line, type.Handle, alwaysPreserve: 0, flags: 0));
    }

    private LlvmMetadata Wrap(nint metadata) => new(_context.Raw, metadata);

    public void Dispose()
    {
        if (!_handle.IsClosed)
            LlvmApi.LLVMDIBuilderFinalize(Raw);
        _handle.Dispose();
    }
}
