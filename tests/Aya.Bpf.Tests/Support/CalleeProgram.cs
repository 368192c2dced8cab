using Aya.Bpf.Tests.DebugInfo;

namespace Aya.Bpf.Tests.Support;

/// <summary>
/// A small IR program for pipeline tests: the entry point <c>@prog</c> (section xdp, line 3 of
/// /src/main.rs) calls <c>@callee</c> (line 9), whose body a test writes. Its instructions take
/// <c>!dbg !8</c> (line 9 of callee); the entry point's take <c>!dbg !6</c>.
/// </summary>
internal static class CalleeProgram
{
    /// <summary>The debug info of both functions, nodes !0 to !8; a test's own nodes start at !9.</summary>
    public const string DebugInfo = $$"""
        {{DebugIr.CompileUnit}}
        !4 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 3, type: !5, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
        !5 = !DISubroutineType(types: !{!3})
        !6 = !DILocation(line: 3, scope: !4)
        !7 = distinct !DISubprogram(name: "callee", scope: !1, file: !1, line: 9, type: !5, scopeLine: 9, spFlags: DISPFlagDefinition, unit: !0)
        !8 = !DILocation(line: 9, scope: !7)
        """;

    /// <param name="calleeBody">The instructions of <c>i32 @callee()</c>.</param>
    /// <param name="declarations">Globals and declarations the body uses.</param>
    /// <param name="moreDebugInfo">The test's own metadata nodes, from !9.</param>
    public static string Ir(string calleeBody, string declarations = "", string triple = "x86_64-unknown-linux-gnu", string moreDebugInfo = "") => $$"""
        target triple = "{{triple}}"
        {{declarations}}
        define i32 @prog(ptr %ctx) section "xdp" !dbg !4 {
          %r = call i32 @callee(), !dbg !6
          ret i32 %r, !dbg !6
        }
        define internal i32 @callee() noinline !dbg !7 {
        {{calleeBody}}
        }

        {{DebugInfo}}
        {{moreDebugInfo}}
        """;
}
