namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's name checks, on the name's bytes. Bytes above 0x7f are refused: stricter than the
/// kernel, whose ctype tables accept some Latin-1 bytes, but no compiler emits those on purpose.
/// </summary>
internal static class BtfNameRules
{
    /// <summary>A C identifier (plus '.' where <paramref name="dotAllowed"/>), non-empty and shorter than the limit.</summary>
    public static bool IsIdentifier(ReadOnlySpan<byte> name, BtfKernelFacts facts, bool dotAllowed = false)
    {
        bool dots = dotAllowed || facts.DotsInIdentifiers;
        if (name.IsEmpty || name.Length >= facts.NameLengthLimit || char.IsAsciiDigit((char)name[0]))
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == '_' || (dots && b == '.')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A DATASEC name: printable ASCII on kernels that allow it, else an identifier that may hold '.'.</summary>
    public static bool IsSectionName(ReadOnlySpan<byte> name, BtfKernelFacts facts)
    {
        if (!facts.PrintableSectionNames)
        {
            return IsIdentifier(name, facts, dotAllowed: true);
        }

        return !name.IsEmpty && name.Length < facts.NameLengthLimit && !name.ContainsAnyExceptInRange((byte)0x20, (byte)0x7e);
    }
}
