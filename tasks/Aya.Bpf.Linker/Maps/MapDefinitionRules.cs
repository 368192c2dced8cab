namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The rules on a whole map definition, once its members are read: a known type, key and value sizes
/// that agree, and what the map type itself demands (<see cref="BpfMapTypeInfo"/>) of the map libbpf
/// creates: as strict as libbpf and the kernel's map creation, no stricter.
/// </summary>
internal static class MapDefinitionRules
{
    public static void Check(BtfMapDefinition map, string name, MapReport report)
    {
        CheckSizesAgree(map, name, report);
        if (CheckType(map, name, report) is not { } info)
        {
            return;
        }

        CheckKeyAbsent(map, info, name, report);
        CheckValueAbsent(map, info, name, report);
        CheckKeyPresent(map, info, name, report);
        CheckValuePresent(map, info, name, report);
        CheckMaxEntries(map, info, name, report);
        CheckNoPrealloc(map, info, name, report);
        CheckRingBufferSize(map, info, name, report);
    }

    /// <summary>The map type: given, not 0, and known; returns its facts.</summary>
    private static BpfMapTypeInfo? CheckType(BtfMapDefinition map, string name, MapReport report)
    {
        if (map.Unreadable.Contains("type"))
        {
            return null;
        }

        uint type = map.Type ?? 0;
        if (type == 0)
        {
            report.Add($"map '{name}': map type isn't specified.");
            return null;
        }

        if (!BpfMapTypes.TryGet(type, out var info))
        {
            report.Add($"map '{name}': unknown map type {type} (known types are 1 to {(uint)BpfMapTypes.Newest}).");
            return null;
        }

        return info;
    }

    /// <summary><c>key_size</c>/<c>value_size</c> must match the size of <c>key</c>/<c>value</c>; <c>values</c> means a value size of 4.</summary>
    private static void CheckSizesAgree(BtfMapDefinition map, string name, MapReport report)
    {
        if (map.KeySize is { } keySize && map.KeyTypeSize is { } keyTypeSize && keySize != keyTypeSize)
        {
            report.Add($"map '{name}': conflicting key size {keySize} != {keyTypeSize}.");
        }

        if (map.ValueSize is { } valueSize && map.ValueTypeSize is { } valueTypeSize && valueSize != valueTypeSize)
        {
            report.Add($"map '{name}': conflicting value size {valueSize} != {valueTypeSize}.");
        }
        else if (map.HasValues && (map.ValueSize ?? map.ValueTypeSize) is { } size && size != 4)
        {
            report.Add($"map '{name}': conflicting value size {size} != 4.");
        }
    }

    // A zero-sized key or value type (Rust's `()`) is no key or value: libbpf reads a size of 0.
    private static void CheckKeyAbsent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (!info.HasKey && map.EffectiveKeySize is > 0)
        {
            report.Add($"map '{name}': {info.KernelName} maps have no key, but a key of {map.EffectiveKeySize} bytes is given; "
                + "the kernel requires key_size 0 (drop 'key' and 'key_size').");
        }
    }

    private static void CheckValueAbsent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (!info.HasValue && (map.EffectiveValueSize is > 0 || map.HasValues))
        {
            report.Add($"map '{name}': {info.KernelName} maps have no value, but a value of {map.EffectiveValueSize} bytes is given; "
                + "the kernel requires value_size 0 (drop 'value' and 'value_size').");
        }
    }

    /// <summary>A key the program defines must have a size: the kernel refuses key_size 0 for such maps.</summary>
    private static void CheckKeyPresent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (info.HasKey && info.UserTypes.HasFlag(BpfMapUserTypes.Key) && !map.Unreadable.Contains("key") && !map.Unreadable.Contains("key_size")
            && (map.EffectiveKeySize ?? 0) == 0)
        {
            report.Add($"map '{name}': {info.KernelName} maps need a key, but its size is 0; the kernel refuses key_size 0 (give 'key' a sized type, or 'key_size').");
        }
    }

    /// <summary>A value the program defines must have a size: the kernel refuses value_size 0 for such maps.</summary>
    private static void CheckValuePresent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (info.HasValue && info.UserTypes.HasFlag(BpfMapUserTypes.Value) && !map.Unreadable.Contains("value") && !map.Unreadable.Contains("value_size")
            && (map.EffectiveValueSize ?? 0) == 0)
        {
            report.Add($"map '{name}': {info.KernelName} maps need a value, but its size is 0; the kernel refuses value_size 0 (give 'value' a sized type, or 'value_size').");
        }
    }

    private static void CheckMaxEntries(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        uint entries = map.MaxEntries ?? 0;
        if (map.Unreadable.Contains("max_entries"))
        {
            return;
        }

        if (info.MaxEntries == MaxEntriesRule.AtLeastOne && entries == 0)
        {
            report.Add($"map '{name}': max_entries is 0; the kernel refuses to create {info.KernelName} maps without entries.");
        }
        else if (info.MaxEntries == MaxEntriesRule.Zero && entries != 0)
        {
            report.Add($"map '{name}': {info.KernelName} maps have no size of their own; the kernel requires max_entries 0 (it is {entries}).");
        }
    }

    private static void CheckNoPrealloc(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        uint flags = map.MapFlags ?? 0;
        if (info.RequiresNoPrealloc && !map.Unreadable.Contains("map_flags") && (flags & BpfMapTypes.NoPreallocFlag) == 0)
        {
            report.Add($"map '{name}': {info.KernelName} maps require BPF_F_NO_PREALLOC ({BpfMapTypes.NoPreallocFlag}) in map_flags (map_flags is 0x{flags:x}).");
        }
    }

    /// <summary>
    /// libbpf rounds a ring buffer's size up to the next power-of-two multiple of the page size, and
    /// leaves 0 to a loader that sets the size: only a size with no such multiple in 32 bits fails.
    /// </summary>
    private static void CheckRingBufferSize(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        uint size = map.MaxEntries ?? 0;
        if (!info.IsRingBuffer || map.Unreadable.Contains("max_entries") || size == 0 || BpfMapTypes.RingBufferSizeAtLeast(size) is not null)
        {
            return;
        }

        report.Add($"map '{name}': {info.KernelName} max_entries {size} has no power-of-two multiple of the page size ({BpfMapTypes.PageSize}) above it that fits in 32 bits, which libbpf could round it up to.");
    }
}
