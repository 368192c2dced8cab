namespace Aya.Bpf.Linker.Llvm;

/// <summary>LLVM's <c>LLVMMetadataKind</c> values the debug-info repair looks at.</summary>
internal enum MetadataKind : uint
{
    String = 0,
    ConstantAsMetadata = 1,
    LocalAsMetadata = 2,
    Tuple = 4,
    Location = 5,
    GlobalVariableExpression = 7,
    Enumerator = 10,
    BasicType = 11,
    DerivedType = 12,
    CompositeType = 13,
    SubroutineType = 14,
    File = 15,
    CompileUnit = 16,
    Subprogram = 17,
    TemplateTypeParameter = 22,
    GlobalVariable = 24,
    LocalVariable = 25,
}

/// <summary>The DWARF tags (DW_TAG_*) that matter to BTF.</summary>
internal static class DwarfTag
{
    public const ushort ArrayType = 0x01;
    public const ushort ClassType = 0x02;
    public const ushort EnumerationType = 0x04;
    public const ushort Member = 0x0d;
    public const ushort PointerType = 0x0f;
    public const ushort ReferenceType = 0x10;
    public const ushort StructureType = 0x13;
    public const ushort Typedef = 0x16;
    public const ushort UnionType = 0x17;
    public const ushort ConstType = 0x26;
    public const ushort VariantPart = 0x33;
    public const ushort VolatileType = 0x35;
    public const ushort RestrictType = 0x37;
    public const ushort RvalueReferenceType = 0x42;
    public const ushort AtomicType = 0x47;
}
