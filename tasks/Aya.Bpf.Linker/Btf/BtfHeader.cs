namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// struct btf_header. Section offsets count from the end of the header (<see cref="HeaderLength"/>).
/// </summary>
internal sealed record BtfHeader(
    ushort Magic,
    byte Version,
    byte Flags,
    uint HeaderLength,
    uint TypeOffset,
    uint TypeLength,
    uint StringOffset,
    uint StringLength,
    bool UnknownFieldsAreZero)
{
    public const ushort ExpectedMagic = 0xEB9F;

    /// <summary>The fixed part every version has; a longer header carries fields we do not know.</summary>
    public const int MinimumLength = 24;
}
