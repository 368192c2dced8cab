namespace Aya.Bpf.Linker.Btf;

/// <summary>A func_info/line_info problem in one ELF section; the message reads like the verifier's.</summary>
internal sealed record BtfExtViolation(string SectionName, uint InstructionIndex, string Message)
{
    public override string ToString() => $"{SectionName}: {Message}";
}
