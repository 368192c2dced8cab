using System.Text;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>Creates debug-info nodes in a module (LLVM's DIBuilder) for the repairs and rewrites that need new nodes.</summary>
internal sealed class DebugInfoBuilder : IDisposable
{
    private const uint DwarfSigned = 0x05; // DW_ATE_signed
    private const uint DwarfUnsigned = 0x07; // DW_ATE_unsigned
    private const ulong PointerBits = 64;
    private readonly DIBuilderHandle _handle;
    private readonly LlvmContext _context;

    public DebugInfoBuilder(LlvmContext context, LlvmModule module)
    {
        _context = context;
        _handle = new DIBuilderHandle(LlvmApi.LLVMCreateDIBuilderDisallowUnresolved(module.Raw));
    }

    private nint Raw => _handle.DangerousGetHandle();

    public LlvmMetadata UnsignedType(string name, ulong sizeInBits) => BasicType(name, sizeInBits, DwarfUnsigned);

    public LlvmMetadata SignedType(string name, ulong sizeInBits) => BasicType(name, sizeInBits, DwarfSigned);

    /// <summary>A struct with no members and size zero, as C describes an empty struct.</summary>
    public LlvmMetadata EmptyStruct(string name) => Struct(name, 0, []);

    public unsafe LlvmMetadata Struct(string name, ulong sizeInBits, IReadOnlyList<LlvmMetadata> members)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var elements = members.Select(m => m.Handle).ToArray();
        fixed (byte* data = bytes)
        fixed (nint* items = elements)
            return Wrap(LlvmApi.LLVMDIBuilderCreateStructType(Raw, 0, data, (nuint)bytes.Length, 0, 0, sizeInBits, 8, 0, 0,
                items, (uint)elements.Length, 0, 0, null, 0));
    }

    public unsafe LlvmMetadata Member(string name, ulong sizeInBits, ulong offsetInBits, LlvmMetadata type)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateMemberType(Raw, 0, data, (nuint)bytes.Length, 0, 0, sizeInBits, 8, offsetInBits, 0, type.Handle));
    }

    public unsafe LlvmMetadata Pointer(LlvmMetadata pointee) =>
        Wrap(LlvmApi.LLVMDIBuilderCreatePointerType(Raw, pointee.Handle, PointerBits, (uint)PointerBits, 0, null, 0));

    public unsafe LlvmMetadata Array(LlvmMetadata element, long count, ulong elementBits)
    {
        var subrange = LlvmApi.LLVMDIBuilderGetOrCreateSubrange(Raw, 0, count);
        return Wrap(LlvmApi.LLVMDIBuilderCreateArrayType(Raw, elementBits * (ulong)count, 8, element.Handle, &subrange, 1));
    }

    /// <summary>Debug info for a global variable: attach the result as its <c>!dbg</c>.</summary>
    public unsafe LlvmMetadata GlobalVariable(string name, LlvmMetadata type, LlvmMetadata scope, LlvmMetadata file, uint line)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var expression = LlvmApi.LLVMDIBuilderCreateExpression(Raw, null, 0);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateGlobalVariableExpression(Raw, scope.Handle, data, (nuint)bytes.Length, data, (nuint)bytes.Length,
                file.Handle, line, type.Handle, localToUnit: 0, expression, 0, (uint)PointerBits));
    }

    /// <summary>A subroutine type; <paramref name="types"/> starts with the return type (null: void).</summary>
    public unsafe LlvmMetadata SubroutineType(LlvmMetadata file, IReadOnlyList<LlvmMetadata> types)
    {
        var handles = types.Select(type => type.Handle).ToArray();
        fixed (nint* data = handles)
            return Wrap(LlvmApi.LLVMDIBuilderCreateSubroutineType(Raw, file.Handle, data, (uint)handles.Length, 0));
    }

    /// <summary>No node: void as a return type, or a null operand.</summary>
    public LlvmMetadata None => Wrap(0);

    public unsafe LlvmMetadata Parameter(LlvmMetadata subprogram, string name, int argument, LlvmMetadata file, uint line, LlvmMetadata type)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateParameterVariable(Raw, subprogram.Handle, data, (nuint)bytes.Length, (uint)argument,
                file.Handle, line, type.Handle, alwaysPreserve: 0, flags: 0));
    }

    private unsafe LlvmMetadata BasicType(string name, ulong sizeInBits, uint encoding)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* data = bytes)
            return Wrap(LlvmApi.LLVMDIBuilderCreateBasicType(Raw, data, (nuint)bytes.Length, sizeInBits, encoding, 0));
    }

    private LlvmMetadata Wrap(nint metadata) => new(_context.Raw, metadata);

    public void Dispose()
    {
        if (!_handle.IsClosed)
            LlvmApi.LLVMDIBuilderFinalize(Raw);
        _handle.Dispose();
    }
}
