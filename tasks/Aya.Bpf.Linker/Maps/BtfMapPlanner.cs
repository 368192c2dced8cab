namespace Aya.Bpf.Linker.Maps;

/// <summary>
/// Decides how a legacy definition is written the BTF way. Key and value become typed pointers when the
/// wrapper's type arguments describe them (aya's <c>HashMap&lt;K, V&gt;</c>: K and V) and their sizes agree
/// with key_size/value_size; a disagreement is an error, since one of the two is wrong. When only one of
/// them is known, or the kernel defines them (a u32 index, a program or CPU number), the other is typed
/// from its size: the kernel refuses a map whose BTF types the key but not the value. A map of which
/// neither is known keeps key_size and value_size as integers, which libbpf also accepts.
/// </summary>
internal static class BtfMapPlanner
{
    private const uint LpmPrefixBytes = 4;

    /// <summary>The plan, or null with the reason when the definition contradicts its types.</summary>
    public static BtfMapPlan? Plan(LegacyMapDefinition definition, IReadOnlyList<MapTypeArgument> typeArguments, IMapTypeFactory types, out string? contradiction)
    {
        contradiction = null;
        BpfMapTypes.TryGet(definition.Type, out var info);
        var userTypes = info?.UserTypes ?? BpfMapUserTypes.None;
        var userKey = userTypes.HasFlag(BpfMapUserTypes.Key);
        var userValue = userTypes.HasFlag(BpfMapUserTypes.Value);

        var key = userKey && typeArguments.Count >= (userValue ? 2 : 1) ? typeArguments[0] : null;
        var value = userValue && typeArguments.Count > 0 ? typeArguments[^1] : null;
        if (info?.Type == BpfMapType.LpmTrie && definition.KeySize > LpmPrefixBytes)
            key = types.LpmKey(key?.SizeInBytes == definition.KeySize - LpmPrefixBytes ? key : null, definition.KeySize);
        if (key is null && info is not null && IsIndexedByU32(info.Type) && definition.KeySize == 4)
            key = types.OfSize(4);
        // The kernel takes a cgroup storage's key as its struct (attach type per key) or as the inode id (u64).
        if (key is null && info?.Type is BpfMapType.CgroupStorage or BpfMapType.PercpuCgroupStorage)
            key = definition.KeySize == DebugInfoMapTypes.CgroupStorageKeySize ? types.CgroupStorageKey() : definition.KeySize == 8 ? types.OfSize(8) : null;
        if (key is not null && value is null && definition.ValueSize != 0)
            value = types.OfSize(definition.ValueSize);
        if (value is not null && key is null && definition.KeySize != 0)
            key = types.OfSize(definition.KeySize);

        var members = new List<BtfMapMember> { new BtfMapIntegerMember("type", definition.Type) };
        if (!TryAdd(members, BtfMapMember.KeyName, "key_size", key, definition.KeySize, ref contradiction)
            || !TryAdd(members, BtfMapMember.ValueName, "value_size", value, definition.ValueSize, ref contradiction))
            return null;

        members.Add(new BtfMapIntegerMember("max_entries", definition.MaxEntries));
        if (definition.MapFlags != 0)
            members.Add(new BtfMapIntegerMember("map_flags", definition.MapFlags));
        if (definition.Pinning != 0)
            members.Add(new BtfMapIntegerMember("pinning", definition.Pinning));
        return new BtfMapPlan(members);
    }

    /// <summary>Maps whose key is an index, a stack id or a CPU, device or socket number: a u32 the kernel defines.</summary>
    private static bool IsIndexedByU32(BpfMapType type) => type is BpfMapType.Array or BpfMapType.PercpuArray or BpfMapType.ProgArray
        or BpfMapType.PerfEventArray or BpfMapType.ArrayOfMaps or BpfMapType.Devmap or BpfMapType.Cpumap or BpfMapType.Xskmap
        or BpfMapType.Sockmap or BpfMapType.CgroupArray or BpfMapType.StackTrace;

    private static bool TryAdd(List<BtfMapMember> members, string typeName, string sizeName, MapTypeArgument? type, uint size, ref string? contradiction)
    {
        if (type is not null)
        {
            if (type.SizeInBytes != size)
            {
                contradiction = $"{sizeName} is {size} but its {typeName} type {type.Name} is {type.SizeInBytes} bytes";
                return false;
            }
            members.Add(new BtfMapTypeMember(typeName, type));
        }
        else if (size != 0)
        {
            members.Add(new BtfMapIntegerMember(sizeName, size));
        }
        return true;
    }
}
