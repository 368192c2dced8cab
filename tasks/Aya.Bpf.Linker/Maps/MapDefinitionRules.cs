namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// The rules on a whole map definition, once its members are read: a known type, key and value sizes
/// that agree, and what the map type itself demands (<see cref="BpfMapTypeInfo"/>).
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

    private static void CheckKeyAbsent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (!info.HasKey && (map.KeyTypeId is not null || map.KeySize is > 0))
        {
            report.Add($"map '{name}': {info.KernelName} maps have no key, but a key of {map.EffectiveKeySize} bytes is given; "
                + "the kernel requires key_size 0 (drop 'key' and 'key_size').");
        }
    }

    private static void CheckValueAbsent(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        if (!info.HasValue && (map.ValueTypeId is not null || map.ValueSize is > 0 || map.HasValues))
        {
            report.Add($"map '{name}': {info.KernelName} maps have no value, but a value of {map.EffectiveValueSize} bytes is given; "
                + "the kernel requires value_size 0 (drop 'value' and 'value_size').");
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

    private static void CheckRingBufferSize(BtfMapDefinition map, BpfMapTypeInfo info, string name, MapReport report)
    {
        uint size = map.MaxEntries ?? 0;
        if (!info.IsRingBuffer || map.Unreadable.Contains("max_entries") || BpfMapTypes.IsValidRingBufferSize(size))
        {
            return;
        }

        string next = size != 0 && BpfMapTypes.RingBufferSizeAtLeast(size) is { } valid ? $" (the next valid size is {valid})" : "";
        report.Add($"map '{name}': {info.KernelName} max_entries {size} is not a power-of-two multiple of the page size ({BpfMapTypes.PageSize}){next}.");
    }
}
