using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Maps;

internal sealed partial class MapDefinitionReader
{
    /// <summary>
    /// <c>values</c>: the last member, a zero-length ARRAY of PTR to the inner map's STRUCT (map-in-map)
    /// or to a FUNC_PROTO (prog_array). The inner definition is read here, under <c>name.inner</c>.
    /// </summary>
    private bool ReadValues(BtfMember member, bool isLast, string name, bool isInner, BtfMapDefinition map, MapReport report)
    {
        map.HasValues = true;
        if (isInner)
        {
            report.Add($"map '{name}': multi-level inner maps not supported.");
            return false;
        }

        if (!isLast)
        {
            report.Add($"map '{name}': 'values' member should be last.");
            return false;
        }

        if (!BpfMapTypes.TryGet(map.Type ?? 0, out var info) || !info.AcceptsValues)
        {
            // Without a type (absent or unreadable) the type's own violation says enough.
            if (map.Type is not null)
            {
                report.Add($"map '{name}': should be map-in-map or prog-array.");
            }

            return false;
        }

        string desc = info.IsMapInMap ? "map-in-map inner" : "prog-array value";
        if (!btf.IsValidId(member.Type))
        {
            report.Add($"map '{name}': {desc} type [{member.Type}] not found.");
            return false;
        }

        if (btf.TypeById(member.Type) is not BtfArrayType { Count: 0 } array)
        {
            report.Add($"map '{name}': {desc} spec is not a zero-sized array.");
            return false;
        }

        var element = sizes.SkipModifiers(array.ElementType);
        if (element is not BtfReferenceType { Kind: BtfKind.Ptr } pointer)
        {
            report.Add($"map '{name}': {desc} def is of unexpected kind {MapBtfText.KindOf(element)}.");
            return false;
        }

        var target = sizes.SkipModifiers(pointer.Type);
        if (!info.IsMapInMap)
        {
            if (target is BtfFuncProtoType)
            {
                return true;
            }

            report.Add($"map '{name}': prog-array value def is of unexpected kind {MapBtfText.KindOf(target)}.");
            return false;
        }

        if (target is not BtfCompositeType { IsUnion: false } inner)
        {
            report.Add($"map '{name}': map-in-map inner def is of unexpected kind {MapBtfText.KindOf(target)}.");
            return false;
        }

        map.Inner = Read(inner, $"{name}.inner", isInner: true, report);
        return true;
    }
}
