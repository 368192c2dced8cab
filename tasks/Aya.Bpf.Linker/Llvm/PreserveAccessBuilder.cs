using System.Text;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// Writes the calls clang writes for a relocatable access: a chain of
/// <c>llvm.preserve.{struct,union,array}.access.index</c>, each tagged with the debug-info type it steps
/// through, and <c>llvm.bpf.preserve.{field,type}.info</c> over them. LLVM's BPF backend turns each chain
/// into a relocated offset and a CO-RE record, computing both from the debug-info types alone, so
/// the IR types given to the calls only have to be well-formed: a record is bytes of its size.
/// </summary>
internal sealed unsafe class PreserveAccessBuilder : IDisposable
{
    private readonly LlvmContext _context;
    private readonly LlvmModule _module;
    private readonly BuilderHandle _handle;
    private readonly uint _accessIndexKind;
    private readonly uint _elementTypeKind;
    private uint _typeInfoSequence;

    public PreserveAccessBuilder(LlvmContext context, LlvmModule module)
    {
        _context = context;
        _module = module;
        _handle = new BuilderHandle(LlvmApi.LLVMCreateBuilderInContext(context.Raw));
        _accessIndexKind = context.MetadataKindId("llvm.preserve.access.index");
        _elementTypeKind = LlvmAttributes.EnumKind("elementtype");
    }

    private nint Raw => _handle.DangerousGetHandle();

    private nint Pointer => LlvmApi.LLVMPointerTypeInContext(_context.Raw, 0);

    private nint Int32(ulong value) => LlvmApi.LLVMConstInt(LlvmApi.LLVMInt32TypeInContext(_context.Raw), value, 0);

    private nint Int64(ulong value) => LlvmApi.LLVMConstInt(LlvmApi.LLVMInt64TypeInContext(_context.Raw), value, 0);

    private nint Bytes(ulong count) => LlvmApi.LLVMArrayType2(LlvmApi.LLVMInt8TypeInContext(_context.Raw), count);

    /// <summary>New calls go before <paramref name="call"/>, at its source location.</summary>
    public void PositionBefore(LlvmInstruction call)
    {
        LlvmApi.LLVMPositionBuilderBefore(Raw, call.Handle);
        LlvmApi.LLVMSetCurrentDebugLocation2(Raw, LlvmApi.LLVMInstructionGetDebugLoc(call.Handle));
    }

    /// <summary>The address of member <paramref name="index"/> (its position among the debug-info elements) of the struct at <paramref name="record"/>.</summary>
    public nint StructMember(nint record, LlvmMetadata structType, ulong sizeInBytes, uint index)
    {
        var elements = stackalloc nint[1];
        elements[0] = Bytes(sizeInBytes);
        var recordType = LlvmApi.LLVMStructTypeInContext(_context.Raw, elements, 1, 0);
        var call = Call("llvm.preserve.struct.access.index", [Pointer, Pointer], [record, Int32(0), Int32(index)], structType);
        LlvmApi.LLVMAddCallSiteAttribute(call, LlvmAttributes.FirstParameterIndex, LlvmApi.LLVMCreateTypeAttribute(_context.Raw, _elementTypeKind, recordType));
        return call;
    }

    /// <summary>The address of member <paramref name="index"/> of the union at <paramref name="record"/>.</summary>
    public nint UnionMember(nint record, LlvmMetadata unionType, uint index) =>
        Call("llvm.preserve.union.access.index", [Pointer, Pointer], [record, Int32(index)], unionType);

    /// <summary>The address of element <paramref name="index"/> of the array at <paramref name="array"/>.</summary>
    public nint ArrayElement(nint array, LlvmMetadata arrayType, ulong count, ulong elementBytes, uint index)
    {
        var arrayIrType = LlvmApi.LLVMArrayType2(Bytes(elementBytes), count);
        var call = Call("llvm.preserve.array.access.index", [Pointer, Pointer], [array, Int32(0), Int32(index)], arrayType);
        LlvmApi.LLVMAddCallSiteAttribute(call, LlvmAttributes.FirstParameterIndex, LlvmApi.LLVMCreateTypeAttribute(_context.Raw, _elementTypeKind, arrayIrType));
        return call;
    }

    /// <summary>What <paramref name="kind"/> (a field relocation kind) says of the field an access chain ends at.</summary>
    public nint FieldInfo(nint field, uint kind) =>
        Call("llvm.bpf.preserve.field.info", [Pointer], [field, Int64(kind)], default);

    /// <summary>What <paramref name="flag"/> (0 exists, 1 size) says of <paramref name="type"/>; each call numbered, so none is merged with another.</summary>
    public nint TypeInfo(LlvmMetadata type, uint flag) =>
        Call("llvm.bpf.preserve.type.info", [], [Int32(_typeInfoSequence++), Int64(flag)], type);

    private nint Call(string intrinsic, nint[] overloads, nint[] arguments, LlvmMetadata accessType)
    {
        var name = Encoding.UTF8.GetBytes(intrinsic);
        uint id;
        fixed (byte* text = name)
            id = LlvmApi.LLVMLookupIntrinsicID(text, (nuint)name.Length);
        if (id == 0)
            throw new InvalidOperationException($"this LLVM has no intrinsic {intrinsic}");
        nint function;
        fixed (nint* types = overloads)
            function = LlvmApi.LLVMGetIntrinsicDeclaration(_module.Raw, id, types, (nuint)overloads.Length);
        nint call;
        fixed (nint* args = arguments)
            call = LlvmApi.LLVMBuildCall2(Raw, LlvmApi.LLVMGlobalGetValueType(function), function, args, (uint)arguments.Length, "");
        if (!accessType.IsNull)
            LlvmApi.LLVMSetMetadata(call, _accessIndexKind, LlvmApi.LLVMMetadataAsValue(_context.Raw, accessType.Handle));
        return call;
    }

    /// <summary>Replaces every use of <paramref name="call"/>'s result with <paramref name="value"/> and deletes the call.</summary>
    public static void Replace(LlvmInstruction call, nint value)
    {
        LlvmApi.LLVMReplaceAllUsesWith(call.Handle, value);
        LlvmApi.LLVMInstructionEraseFromParent(call.Handle);
    }

    public void Dispose() => _handle.Dispose();
}
