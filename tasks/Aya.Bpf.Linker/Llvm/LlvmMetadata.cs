using System.Text;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// A borrowed metadata node (or string) of a module; the context owns it. Uniqued nodes whose operands
/// change are re-uniqued by LLVM, and a resulting collision makes the node distinct rather than freeing
/// it, so a handle stays valid while the module lives.
/// </summary>
internal readonly struct LlvmMetadata(nint context, nint handle) : IEquatable<LlvmMetadata>
{
    internal nint Handle => handle;

    public bool IsNull => handle == 0;

    public MetadataKind Kind => (MetadataKind)LlvmApi.LLVMGetMetadataKind(handle);

    /// <summary>The DWARF tag; only meaningful for debug-info nodes (not tuples or strings).</summary>
    public ushort Tag => LlvmApi.LLVMGetDINodeTag(handle);

    public bool IsNode => !IsNull && Kind is not (MetadataKind.String or MetadataKind.ConstantAsMetadata or MetadataKind.LocalAsMetadata);

    private nint AsValue => LlvmApi.LLVMMetadataAsValue(context, handle);

    /// <summary>The operands; null operands and constants come back as null metadata.</summary>
    public unsafe LlvmMetadata[] Operands
    {
        get
        {
            var value = AsValue;
            var count = LlvmApi.LLVMGetMDNodeNumOperands(value);
            var raw = new nint[count];
            fixed (nint* destination = raw)
                LlvmApi.LLVMGetMDNodeOperands(value, destination);
            var operands = new LlvmMetadata[count];
            for (var i = 0; i < raw.Length; i++)
            {
                var isMetadata = raw[i] != 0 && (LlvmApi.LLVMIsAMDNode(raw[i]) != 0 || LlvmApi.LLVMIsAMDString(raw[i]) != 0);
                operands[i] = new LlvmMetadata(context, isMetadata ? LlvmApi.LLVMValueAsMetadata(raw[i]) : 0);
            }
            return operands;
        }
    }

    /// <summary>The text of a string operand, or null when the operand is absent.</summary>
    public string? StringOperand(int index)
    {
        var operands = Operands;
        return index < operands.Length ? operands[index].Text : null;
    }

    /// <summary>The text of this node when it is an MDString, else null.</summary>
    public string? Text
    {
        get
        {
            if (IsNull || Kind != MetadataKind.String)
                return null;
            var text = LlvmApi.LLVMGetMDString(AsValue, out var length);
            return LlvmStrings.Borrowed(text, length);
        }
    }

    public void ReplaceOperand(int index, LlvmMetadata replacement) =>
        LlvmApi.LLVMReplaceMDNodeOperandWith(AsValue, (uint)index, replacement.Handle);

    public ulong SizeInBits => LlvmApi.LLVMDITypeGetSizeInBits(handle);

    public ulong OffsetInBits => LlvmApi.LLVMDITypeGetOffsetInBits(handle);

    public uint AlignInBits => LlvmApi.LLVMDITypeGetAlignInBits(handle);

    /// <summary>A DIType's DIFlags (DIFlagBitField...).</summary>
    public int TypeFlags => LlvmApi.LLVMDITypeGetFlags(handle);

    /// <summary>The line a type or subprogram is declared on; 0 when unknown.</summary>
    public uint Line => Kind switch
    {
        MetadataKind.Subprogram => LlvmApi.LLVMDISubprogramGetLine(handle),
        MetadataKind.BasicType or MetadataKind.DerivedType or MetadataKind.CompositeType => LlvmApi.LLVMDITypeGetLine(handle),
        _ => 0,
    };

    /// <summary>The source file of a type or subprogram, as a path; null when unknown.</summary>
    public string? SourceFile
    {
        get
        {
            if (Kind is not (MetadataKind.Subprogram or MetadataKind.DerivedType or MetadataKind.CompositeType))
                return null;
            return new LlvmMetadata(context, LlvmApi.LLVMDIScopeGetFile(handle)).FilePath;
        }
    }

    /// <summary>The directory of a subprogram's source file (where the compiler ran, for a relative file name); null when unknown.</summary>
    public string? SourceDirectory
    {
        get
        {
            if (Kind != MetadataKind.Subprogram)
                return null;
            var file = LlvmApi.LLVMDIScopeGetFile(handle);
            return file == 0 ? null : LlvmStrings.Borrowed(LlvmApi.LLVMDIFileGetDirectory(file, out var length), length);
        }
    }

    /// <summary>A DIVariable's scope, file and line.</summary>
    public LlvmMetadata VariableScope => new(context, LlvmApi.LLVMDIVariableGetScope(handle));

    public LlvmMetadata VariableFile => new(context, LlvmApi.LLVMDIVariableGetFile(handle));

    public uint VariableLine => LlvmApi.LLVMDIVariableGetLine(handle);

    /// <summary>The path of a DIFile; null when unknown.</summary>
    public string? FilePath
    {
        get
        {
            if (IsNull)
                return null;
            var name = LlvmStrings.Borrowed(LlvmApi.LLVMDIFileGetFilename(handle, out var nameLength), nameLength);
            var directory = LlvmStrings.Borrowed(LlvmApi.LLVMDIFileGetDirectory(handle, out var directoryLength), directoryLength);
            if (name.Length == 0 || name == "<unknown>")
                return null;
            return Path.IsPathRooted(name) || directory.Length == 0 ? name : Path.Combine(directory, name);
        }
    }

    /// <summary>The DIGlobalVariable of a DIGlobalVariableExpression.</summary>
    public LlvmMetadata GlobalVariable => new(context, LlvmApi.LLVMDIGlobalVariableExpressionGetVariable(handle));

    /// <summary>The DIExpression of a DIGlobalVariableExpression.</summary>
    public LlvmMetadata GlobalVariableExpression => new(context, LlvmApi.LLVMDIGlobalVariableExpressionGetExpression(handle));

    /// <summary>The node as LLVM prints it, e.g. <c>!DILocalVariable(name: "x", arg: 1, ...)</c>.</summary>
    public string Print() => LlvmStrings.TakeMessage(LlvmApi.LLVMPrintValueToString(AsValue));

    public static unsafe LlvmMetadata String(LlvmContext context, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* data = bytes)
            return new LlvmMetadata(context.Raw, LlvmApi.LLVMMDStringInContext2(context.Raw, data, (nuint)bytes.Length));
    }

    public static unsafe LlvmMetadata Tuple(LlvmContext context, IReadOnlyList<LlvmMetadata> items)
    {
        var raw = items.Select(item => item.Handle).ToArray();
        fixed (nint* data = raw)
            return new LlvmMetadata(context.Raw, LlvmApi.LLVMMDNodeInContext2(context.Raw, data, (nuint)raw.Length));
    }

    public bool Equals(LlvmMetadata other) => handle == other.Handle;

    public override bool Equals(object? obj) => obj is LlvmMetadata other && Equals(other);

    public override int GetHashCode() => handle.GetHashCode();
}
