namespace Aya.Bpf.Linker.Btf;

/// <summary>The kernel's header, section layout and string-section checks (btf_parse_hdr, btf_parse_str_sec...).</summary>
internal static class BtfHeaderChecks
{
    /// <summary>BTF_MAX_SIZE: the kernel refuses larger blobs with E2BIG before reading them.</summary>
    public const int MaxSize = 16 * 1024 * 1024;

    /// <summary>BTF_MAX_TYPE: type ids are 20 bits.</summary>
    public const int MaxTypes = 0xfffff;

    /// <summary>BTF_MAX_NAME_OFFSET: name offsets are 24 bits.</summary>
    private const uint MaxNameOffset = 0xffffff;

    public static void Check(BtfData btf, BtfViolationLog log)
    {
        var header = btf.Header;
        if (btf.TotalLength > MaxSize)
        {
            log.Header($"BTF is {btf.TotalLength} bytes, more than the kernel's 16 MiB (BTF_MAX_SIZE)");
        }

        if (!header.UnknownFieldsAreZero)
        {
            log.Header("Unsupported btf_header");
        }

        if (header.Version != 1)
        {
            log.Header("Unsupported version");
        }

        if (header.Flags != 0)
        {
            log.Header("Unsupported flags");
        }

        if (btf.TotalLength == header.HeaderLength)
        {
            log.Header("No data");
        }

        CheckSectionLayout(btf, log);
        CheckStrings(btf, log);
        if ((header.TypeOffset & 3) != 0)
        {
            log.Header("Unaligned type_off");
        }

        if (header.TypeLength == 0)
        {
            log.Header("No type found");
        }

        if (btf.Types.Count >= MaxTypes)
        {
            log.Header("Exceeded max num of types");
        }
    }

    /// <summary>Type and string sections must tile the data after the header: no gap, no overlap, nothing else.</summary>
    private static void CheckSectionLayout(BtfData btf, BtfViolationLog log)
    {
        var header = btf.Header;
        long available = btf.TotalLength - header.HeaderLength;
        var sections = new[] { (Offset: (long)header.TypeOffset, Length: (long)header.TypeLength), (Offset: (long)header.StringOffset, Length: (long)header.StringLength) }
            .OrderBy(s => s.Offset).ThenBy(s => s.Length);
        long covered = 0;
        foreach (var (offset, length) in sections)
        {
            if (covered < offset)
            {
                log.Header("Unsupported section found");
                return;
            }

            if (covered > offset)
            {
                log.Header("Section overlap found");
                return;
            }

            covered += length;
        }

        if (covered != available)
        {
            log.Header("Unsupported section found");
        }
    }

    private static void CheckStrings(BtfData btf, BtfViolationLog log)
    {
        var header = btf.Header;
        if ((long)header.HeaderLength + header.StringOffset + header.StringLength != btf.TotalLength)
        {
            log.Header("String section is not at the end");
        }

        var strings = btf.Strings.Bytes.Span;
        if (strings.IsEmpty || (uint)(strings.Length - 1) > MaxNameOffset || strings[^1] != 0 || strings[0] != 0)
        {
            log.Header("Invalid string section");
        }
    }
}
