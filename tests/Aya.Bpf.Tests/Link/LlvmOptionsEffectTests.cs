using System.Globalization;
using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>
/// Each of <see cref="Linker.Llvm.LlvmOptions.Defaults"/> has its effect on the object, read from
/// it: in-process links start LLVM as the linker process does, so these see the same options.
/// </summary>
[TestClass]
public sealed class LlvmOptionsEffectTests : PipelineTests
{
    /// <summary>
    /// -cold-callsite-rel-freq=0: a call on a path taken once in a thousand is inlined as any
    /// other, not only when it is tiny (LLVM's threshold for cold calls is a fifth of the usual).
    /// </summary>
    [TestMethod]
    public void AFunctionCalledOnAColdPath_IsInlined()
    {
        var output = Linked($$"""
            define internal i32 @middling(ptr %p) !dbg !11 {
            {{Loads(12)}}
              ret i32 %s12
            }
            define i32 @prog(ptr %ctx) section "xdp" !dbg !10 {
              %v = load volatile i32, ptr %ctx
              %rare = icmp eq i32 %v, 7
              br i1 %rare, label %cold, label %hot, !prof !20
            cold:
              %a = call i32 @middling(ptr %ctx), !dbg !12
              %b = call i32 @middling(ptr %ctx), !dbg !12
              %r = add i32 %a, %b
              ret i32 %r
            hot:
              ret i32 2
            }
            !20 = !{!"branch_weights", i32 1, i32 1000}
            """);

        Assert.IsNull(ElfObjectHeader.Symbol(output, "middling"), "middling is inlined at both call sites and so gone");
    }

    /// <summary>
    /// -profile-guided-section-prefix=false: a cold function (core's panic paths) stays in .text;
    /// in .text.unlikely. libbpf would take it for a program section and refuse it.
    /// </summary>
    [TestMethod]
    public void AColdFunction_StaysInText()
    {
        var output = Linked("""
            define internal i32 @middling(ptr %p) noinline cold !dbg !11 {
              %v = load volatile i32, ptr %p
              %r = mul i32 %v, 7
              ret i32 %r
            }
            define i32 @prog(ptr %ctx) section "xdp" !dbg !10 {
              %r = call i32 @middling(ptr %ctx), !dbg !12
              ret i32 %r
            }
            """);

        Assert.AreEqual(".text", ElfObjectHeader.Symbol(output, "middling")?.Section, string.Join(", ", ElfObjectHeader.SectionNames(output)));
    }

    /// <summary>
    /// -bpf-disable-trap-unreachable: code generation leaves an <c>unreachable</c> as no instruction,
    /// never a call of the __bpf_trap kfunc that kernels before 6.16 lack. (The pipeline replaces
    /// every <c>unreachable</c> before code generation, so this emits the module itself.) An
    /// explicit llvm.trap still calls it, which shows what the test would find.
    /// </summary>
    [TestMethod]
    [DataRow("unreachable", false)]
    [DataRow("call void @llvm.trap()\n  unreachable", true)]
    public void CodeGeneration_TurnsUnreachableIntoNoTrap(string end, bool trap)
    {
        using var context = new LlvmContext();
        using var machine = ToolchainLlvm.BpfMachine();
        using var module = RepairRun.Parse(context, $$"""
            target triple = "bpfel"
            declare void @llvm.trap()
            define i32 @prog(ptr %ctx) section "xdp" {
              %v = load volatile i32, ptr %ctx
              %rare = icmp eq i32 %v, 7
              br i1 %rare, label %never, label %always
            never:
              {{end}}
            always:
              ret i32 2
            }
            """);
        module.SetTarget(machine);
        var log = new DiagnosticLog(TextWriter.Null);

        var code = ObjectEmitter.Emit(context, machine, module, log);

        Assert.IsNotNull(code, string.Join("\n", log.Reported));
        Assert.AreEqual(trap, Encoding.ASCII.GetString(code).Contains("__bpf_trap", StringComparison.Ordinal), "a call of __bpf_trap in the object");
    }

    // count volatile loads from %p summed into %s<count>: about five times count instructions.
    private static string Loads(int count)
    {
        var text = new StringBuilder("  %s0 = add i32 0, 0\n");
        for (var i = 1; i <= count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  %p{i} = getelementptr i32, ptr %p, i64 {i % 6}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  %l{i} = load volatile i32, ptr %p{i}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  %m{i} = mul i32 %l{i}, {i + 2}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  %s{i} = xor i32 %s{i - 1}, %m{i}");
        }
        return text.ToString();
    }

    // Links the functions with debug info for @prog (!10) and @middling (!11), and !12 the location
    // of @prog's calls (a call that may be inlined needs one); returns the object.
    private string Linked(string functions)
    {
        var (ok, log, output) = Link($$"""
            target triple = "bpfel"
            {{functions}}
            @LICENSE = global [4 x i8] c"GPL\00", section "license"
            {{DebugIr.CompileUnit}}
            !5 = !DISubroutineType(types: !{!3})
            !10 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
            !11 = distinct !DISubprogram(name: "middling", scope: !1, file: !1, line: 5, type: !5, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
            !12 = !DILocation(line: 2, scope: !10)
            """);
        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        return output;
    }
}
