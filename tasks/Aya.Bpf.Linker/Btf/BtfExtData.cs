namespace Aya.Bpf.Linker.Btf;

/// <summary>struct btf_ext_header; the CO-RE relocation fields exist only when <see cref="HeaderLength"/> reaches 32.</summary>
internal sealed record BtfExtHeader(
    ushort Magic,
    byte Version,
    byte Flags,
    uint HeaderLength,
    uint FuncInfoOffset,
    uint FuncInfoLength,
    uint LineInfoOffset,
    uint LineInfoLength,
    uint CoreReloOffset,
    uint CoreReloLength)
{
    public const int MinimumLength = 24;
    public const int LengthWithCoreRelo = 32;
}

/// <summary>One bpf_func_info: the FUNC type of the function starting at <see cref="InstructionOffset"/> (bytes in .BTF.ext).</summary>
internal sealed record BtfFuncInfo(uint InstructionOffset, uint TypeId);

/// <summary>One bpf_line_info; <see cref="LineColumn"/> packs the line (high 22 bits) and column (low 10).</summary>
internal sealed record BtfLineInfo(uint InstructionOffset, uint FileNameOffset, uint LineOffset, uint LineColumn)
{
    public uint Line => LineColumn >> 10;

    public uint Column => LineColumn & 0x3ff;
}

/// <summary>The records of one ELF section (e.g. "xdp", ".text") in a func_info or line_info block.</summary>
internal sealed record BtfExtSection<T>(string SectionName, IReadOnlyList<T> Records);

/// <summary>A parsed <c>.BTF.ext</c>: func_info, line_info and CO-RE relocations per ELF section, record sizes as the blob declared them.</summary>
internal sealed record BtfExtData(
    BtfExtHeader Header,
    uint FuncInfoRecordSize,
    IReadOnlyList<BtfExtSection<BtfFuncInfo>> FuncInfo,
    uint LineInfoRecordSize,
    IReadOnlyList<BtfExtSection<BtfLineInfo>> LineInfo,
    IReadOnlyList<BtfExtSection<BtfCoreRelocation>> CoreRelocations);
