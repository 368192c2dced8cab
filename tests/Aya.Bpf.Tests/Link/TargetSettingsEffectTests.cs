using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;
using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Link;

/// <summary>
/// BpfCpu, BpfCpuFeatures and BpfOptimizationLevel reach the code the object holds: read from the
/// program's instructions (their classes, and how many there are), not from the log.
/// </summary>
[TestClass]
public sealed class TargetSettingsEffectTests : PipelineTests
{
    // eBPF's instruction classes: the low three bits of the opcode.
    private const int Alu32 = 0x04;
    private const int Jmp32 = 0x06;
    private const int InstructionSize = 8;

    // 32-bit arithmetic and a 32-bit compare: v1 does them in 64-bit registers, v3 with ALU32 and JMP32.
    private const string Program = $$"""
        target triple = "bpfel"
        define i32 @prog(ptr %ctx) section "xdp" !dbg !4 {
          %p = getelementptr i8, ptr %ctx, i64 4
          %a = load volatile i32, ptr %ctx
          %b = load volatile i32, ptr %p
          %s = add i32 %a, %b
          %c = icmp ult i32 %s, 100
          br i1 %c, label %small, label %big
        small:
          %m = mul i32 %s, 3
          ret i32 %m
        big:
          %d = sub i32 %s, %a
          ret i32 %d
        }
        @LICENSE = global [4 x i8] c"GPL\00", section "license"
        {{DebugIr.CompileUnit}}
        !4 = distinct !DISubprogram(name: "prog", scope: !1, file: !1, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
        !5 = !DISubroutineType(types: !{!3})
        """;

    [TestMethod]
    [DataRow("v1", "", false, false)]
    [DataRow("v2", "", false, false)]
    [DataRow("v1", "+alu32", true, false)]
    [DataRow("v3", "", true, true)]
    [DataRow("v4", "", true, true)]
    public void TheCpuAndItsFeatures_DecideTheInstructionClasses(string cpu, string features, bool alu32, bool jmp32)
    {
        var classes = Classes(Code(options => options with { Cpu = cpu, CpuFeatures = features }));

        Assert.AreEqual((alu32, jmp32), (classes.Contains(Alu32), classes.Contains(Jmp32)), $"classes for {cpu}{features}: {string.Join(", ", classes)}");
    }

    [TestMethod]
    public void OptimisationLevelZero_KeepsCodeThatLevelTwoRemoves()
    {
        var unoptimised = Code(options => options with { OptimizationLevel = 0 });
        var optimised = Code(options => options with { OptimizationLevel = 2 });

        Assert.IsGreaterThan(optimised.Length, unoptimised.Length, $"O0 {unoptimised.Length / InstructionSize} instructions, O2 {optimised.Length / InstructionSize}");
    }

    private byte[] Code(Func<Linker.Cli.LinkOptions, Linker.Cli.LinkOptions> adjust)
    {
        var (ok, log, output) = Link(Program, adjust: adjust);
        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        using var stream = File.OpenRead(output);
        var section = ElfFile.Read(stream).Sections.OfType<ElfStreamSection>().Single(s => s.Name.Value == "xdp");
        section.Stream.Position = 0;
        using var bytes = new MemoryStream();
        section.Stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static HashSet<int> Classes(byte[] code) =>
        [.. Enumerable.Range(0, code.Length / InstructionSize).Select(i => code[i * InstructionSize] & 0x07)];
}
