namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>What the debug-info repair changed, for the build log, and where BTF names came from.</summary>
internal sealed class DebugInfoRepairResult
{
    public DebugInfoOrigins Origins { get; } = new();

    public int NamesSanitized { get; set; }

    public int PointerNamesRemoved { get; set; }

    public int StructsReordered { get; set; }

    public int MembersMadeAnonymous { get; set; }

    public int BasicTypesReplaced { get; set; }

    public int DiscriminantsNamed { get; set; }

    public int ParametersNamed { get; set; }

    public int StaticsUndescribed { get; set; }

    public int SubroutineTypesRebuilt { get; set; }

    public int StaticsRenamed { get; set; }

    public override string ToString() =>
        $"{NamesSanitized} names sanitised, {PointerNamesRemoved} pointer names removed, {StructsReordered} structs put in offset order, " +
        $"{MembersMadeAnonymous} __anon_N members made anonymous, {BasicTypesReplaced} basic types re-encoded, " +
        $"{DiscriminantsNamed} enum discriminants named, {ParametersNamed} parameters named, " +
        $"{SubroutineTypesRebuilt} function types rebuilt from signatures, " +
        $"{StaticsRenamed} statics given their Rust names, {StaticsUndescribed} split or shrunk statics left without BTF";
}
