using System.Globalization;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// BPF definitions of the C memory functions, as LLVM IR with debug info (every BPF function needs
/// func_info and line_info in .BTF.ext): byte loops the verifier can follow, which never become host
/// code. They are added after optimisation, so no pass turns the loops back into calls.
/// </summary>
internal static class MemoryBuiltinSource
{
    public static readonly IReadOnlyList<string> Names = ["memcpy", "memmove", "memset", "memcmp", "bcmp"];

    /// <summary>The IR of one function's definition, as a module of its own.</summary>
    public static string Module(string name) => name switch
    {
        "memcpy" => Preamble(name) + Copy + Subprogram(name, "!4", ("dst", "!4"), ("src", "!4"), ("n", "!5")),
        "memmove" => Preamble(name) + Move + Subprogram(name, "!4", ("dst", "!4"), ("src", "!4"), ("n", "!5")),
        "memset" => Preamble(name) + Set + Subprogram(name, "!4", ("dst", "!4"), ("value", "!6"), ("n", "!5")),
        "memcmp" or "bcmp" => Preamble(name) + Compare(name) + Subprogram(name, "!6", ("a", "!4"), ("b", "!4"), ("n", "!5")),
        _ => throw new ArgumentException($"no BPF definition of {name}", nameof(name)),
    };

    // The types and the one source location every instruction carries: line 1 of a made-up file.
    private static string Preamble(string name) => string.Create(CultureInfo.InvariantCulture, $$"""
        target triple = "bpfel"
        !llvm.module.flags = !{!0, !1}
        !llvm.dbg.cu = !{!2}
        !0 = !{i32 7, !"Dwarf Version", i32 4}
        !1 = !{i32 2, !"Debug Info Version", i32 3}
        !2 = distinct !DICompileUnit(language: DW_LANG_C99, file: !3, producer: "Aya.Bpf.Linker", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
        !3 = !DIFile(filename: "<aya-bpf-{{name}}>", directory: "")
        !4 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)
        !5 = !DIBasicType(name: "u64", size: 64, encoding: DW_ATE_unsigned)
        !6 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
        !7 = !DILocation(line: 1, scope: !10)

        """);

    // !8 the types (return first), !9 the subroutine type, !10 the subprogram, !11 its parameters (!20...).
    private static string Subprogram(string name, string returnType, params (string Name, string Type)[] parameters)
    {
        var types = string.Join(", ", [returnType, .. parameters.Select(p => p.Type)]);
        var variables = string.Join(", ", parameters.Select((_, i) => $"!{20 + i}"));
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"!8 = !{{{types}}}");
        text.AppendLine("!9 = !DISubroutineType(types: !8)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"!10 = distinct !DISubprogram(name: \"{name}\", scope: !3, file: !3, line: 1, type: !9, scopeLine: 1, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !2, retainedNodes: !11)");
        text.AppendLine(CultureInfo.InvariantCulture, $"!11 = !{{{variables}}}");
        for (var i = 0; i < parameters.Length; i++)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"!{20 + i} = !DILocalVariable(name: \"{parameters[i].Name}\", arg: {i + 1}, scope: !10, file: !3, line: 1, type: {parameters[i].Type})");
        return text.ToString();
    }

    // The loops count up from 0 to n; every instruction carries !7 so each function has line info.
    // The blocks of a forward byte copy from %src to %dst, entered at <prefix>check from the block
    // <from>, leaving for %exit.
    private static string ForwardCopy(string prefix, string from) => $$"""
        {{prefix}}check:
          %{{prefix}}i = phi i64 [ 0, %{{from}} ], [ %{{prefix}}next, %{{prefix}}body ], !dbg !7
          %{{prefix}}done = icmp uge i64 %{{prefix}}i, %n, !dbg !7
          br i1 %{{prefix}}done, label %exit, label %{{prefix}}body, !dbg !7
        {{prefix}}body:
          %{{prefix}}from = getelementptr i8, ptr %src, i64 %{{prefix}}i, !dbg !7
          %{{prefix}}to = getelementptr i8, ptr %dst, i64 %{{prefix}}i, !dbg !7
          %{{prefix}}byte = load i8, ptr %{{prefix}}from, !dbg !7
          store i8 %{{prefix}}byte, ptr %{{prefix}}to, !dbg !7
          %{{prefix}}next = add i64 %{{prefix}}i, 1, !dbg !7
          br label %{{prefix}}check, !dbg !7

        """;

    private static readonly string Copy = $$"""
        define ptr @memcpy(ptr %dst, ptr %src, i64 %n) noinline nounwind "no-builtins" !dbg !10 {
        entry:
          br label %check, !dbg !7
        {{ForwardCopy("", "entry")}}exit:
          ret ptr %dst, !dbg !7
        }

        """;

    // Overlapping regions: copy backwards when the destination is above the source.
    private static readonly string Move = $$"""
        define ptr @memmove(ptr %dst, ptr %src, i64 %n) noinline nounwind "no-builtins" !dbg !10 {
        entry:
          %d = ptrtoint ptr %dst to i64, !dbg !7
          %s = ptrtoint ptr %src to i64, !dbg !7
          %below = icmp ule i64 %d, %s, !dbg !7
          br i1 %below, label %fcheck, label %check, !dbg !7
        {{ForwardCopy("f", "entry")}}check:
          %left = phi i64 [ %n, %entry ], [ %i, %body ], !dbg !7
          %done = icmp eq i64 %left, 0, !dbg !7
          br i1 %done, label %exit, label %body, !dbg !7
        body:
          %i = sub i64 %left, 1, !dbg !7
          %from = getelementptr i8, ptr %src, i64 %i, !dbg !7
          %to = getelementptr i8, ptr %dst, i64 %i, !dbg !7
          %byte = load i8, ptr %from, !dbg !7
          store i8 %byte, ptr %to, !dbg !7
          br label %check, !dbg !7
        exit:
          ret ptr %dst, !dbg !7
        }

        """;

    private const string Set = """
        define ptr @memset(ptr %dst, i32 %value, i64 %n) noinline nounwind "no-builtins" !dbg !10 {
        entry:
          %byte = trunc i32 %value to i8, !dbg !7
          br label %check, !dbg !7
        check:
          %i = phi i64 [ 0, %entry ], [ %next, %body ], !dbg !7
          %done = icmp uge i64 %i, %n, !dbg !7
          br i1 %done, label %exit, label %body, !dbg !7
        body:
          %to = getelementptr i8, ptr %dst, i64 %i, !dbg !7
          store i8 %byte, ptr %to, !dbg !7
          %next = add i64 %i, 1, !dbg !7
          br label %check, !dbg !7
        exit:
          ret ptr %dst, !dbg !7
        }

        """;

    private static string Compare(string name) => $$"""
        define i32 @{{name}}(ptr %a, ptr %b, i64 %n) noinline nounwind "no-builtins" !dbg !10 {
        entry:
          br label %check, !dbg !7
        check:
          %i = phi i64 [ 0, %entry ], [ %next, %same ], !dbg !7
          %done = icmp uge i64 %i, %n, !dbg !7
          br i1 %done, label %equal, label %body, !dbg !7
        body:
          %pa = getelementptr i8, ptr %a, i64 %i, !dbg !7
          %pb = getelementptr i8, ptr %b, i64 %i, !dbg !7
          %ba = load i8, ptr %pa, !dbg !7
          %bb = load i8, ptr %pb, !dbg !7
          %eq = icmp eq i8 %ba, %bb, !dbg !7
          br i1 %eq, label %same, label %differ, !dbg !7
        same:
          %next = add i64 %i, 1, !dbg !7
          br label %check, !dbg !7
        differ:
          %wa = zext i8 %ba to i32, !dbg !7
          %wb = zext i8 %bb to i32, !dbg !7
          %diff = sub i32 %wa, %wb, !dbg !7
          ret i32 %diff, !dbg !7
        equal:
          ret i32 0, !dbg !7
        }

        """;
}
