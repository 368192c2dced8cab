namespace Aya.Bpf.Tests.DebugInfo;

/// <summary>
/// Small text-IR modules with Rust-like debug info. Every module has one function, <c>@prog</c>, whose
/// DISubprogram's type takes the given parameter types. Fixed nodes: <c>!0</c> the compile unit,
/// <c>!1</c> the file /src/main.rs, <c>!2</c> the debug-info version flag, <see cref="U32"/>, <see cref="U8"/>,
/// and <c>!10</c> (<see cref="Subprogram"/>) to <c>!12</c>. Tests number their own nodes from <c>!20</c>.
/// </summary>
internal static class DebugIr
{
    public const string U32 = "!3";
    public const string U8 = "!4";
    public const string Subprogram = "!10";
    public const string SourceFile = "/src/main.rs";

    /// <summary>
    /// The module-level nodes every test module with debug info needs: <c>!0</c> a Rust compile unit,
    /// <c>!1</c> the file /src/main.rs, <c>!2</c> the debug-info version flag, <c>!3</c> (<see cref="U32"/>) u32.
    /// </summary>
    public const string CompileUnit = """
        !llvm.dbg.cu = !{!0}
        !llvm.module.flags = !{!2}
        !0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !1, producer: "rustc", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
        !1 = !DIFile(filename: "main.rs", directory: "/src")
        !2 = !{i32 2, !"Debug Info Version", i32 3}
        !3 = !DIBasicType(name: "u32", size: 32, encoding: DW_ATE_unsigned)
        """;

    /// <param name="parameters">The parameter types, e.g. <c>"!20, !4"</c>.</param>
    /// <param name="nodes">The test's own metadata nodes.</param>
    /// <param name="name">The DISubprogram's name.</param>
    /// <param name="retainedNodes">The subprogram's retained nodes; by default one named variable (p1, p2...) per parameter.</param>
    /// <param name="globals">Global variable definitions, placed before the function.</param>
    public static string Module(string parameters = "", string nodes = "", string name = "prog", string? retainedNodes = null, string globals = "")
    {
        var types = parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        retainedNodes ??= "!{" + string.Join(", ", types.Select((type, i) =>
            $"!DILocalVariable(name: \"p{i + 1}\", arg: {i + 1}, scope: {Subprogram}, file: !1, line: 1, type: {type})")) + "}";
        return $$"""
            target triple = "bpfel"

            {{globals}}

            define void @prog() !dbg {{Subprogram}} {
              ret void
            }

            {{CompileUnit}}
            {{U8}} = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
            {{Subprogram}} = distinct !DISubprogram(name: "{{name}}", scope: !1, file: !1, line: 1, type: !11, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !12)
            !11 = !DISubroutineType(types: !{{{string.Join(", ", types.Prepend("null"))}}})
            !12 = {{retainedNodes}}
            {{nodes}}
            """;
    }

    /// <summary>A struct node <paramref name="id"/> with the given member node ids, declared on <paramref name="line"/>.</summary>
    public static string Struct(string id, string name, int sizeInBits, string members, int line = 1) =>
        Composite(id, "DW_TAG_structure_type", name, sizeInBits, members, line);

    /// <summary>A union node <paramref name="id"/> with the given member node ids.</summary>
    public static string Union(string id, string name, int sizeInBits, string members) =>
        Composite(id, "DW_TAG_union_type", name, sizeInBits, members, line: 1);

    /// <summary>A member node <paramref name="id"/> of <paramref name="owner"/>.</summary>
    public static string Member(string id, string name, string owner, string type, int sizeInBits, int offsetInBits) =>
        $"{id} = !DIDerivedType(tag: DW_TAG_member, name: \"{name}\", scope: {owner}, file: !1, baseType: {type}, size: {sizeInBits}, align: 8, offset: {offsetInBits})";

    /// <summary>A module whose subprogram takes one struct <c>!20</c> named <paramref name="structName"/> with a u8 member.</summary>
    public static string OneStruct(string structName) => Module("!20", $"""
        {Struct("!20", structName, 8, "!21", line: 12)}
        {Member("!21", "a", "!20", U8, 8, 0)}
        """);

    private static string Composite(string id, string tag, string name, int sizeInBits, string members, int line) =>
        $"{id} = !DICompositeType(tag: {tag}, name: \"{name}\", scope: !1, file: !1, line: {line}, size: {sizeInBits}, align: 8, elements: !{{{members}}}, identifier: \"{name}\")";
}
