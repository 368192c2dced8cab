using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Support;
using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Asm;

/// <summary>
/// Inline assembly through the whole pipeline on small IR programs: what a host build's rustc made
/// of BPF assembly is assembled for BPF, an empty template (core::hint::black_box) is no assembly,
/// host assembly is refused by name, and what LLVM's BPF assembler refuses is reported at the Rust
/// function, never as a crash or an anonymous code generation error.
/// </summary>
[TestClass]
public sealed class InlineAssemblyTests : PipelineTests
{
    // Line 101 of core's hint.rs inlined into @callee: core's sources, as the toolchain's debug info names them.
    private const string CoreLocation = """
        !9 = !DIFile(filename: "hint.rs", directory: "/rustc/59807616e1111111111111111111111111111111/library/core/src")
        !10 = distinct !DISubprogram(name: "spin_loop", scope: !9, file: !9, line: 100, type: !5, scopeLine: 100, spFlags: DISPFlagDefinition, unit: !0)
        !11 = !DILocation(line: 101, scope: !10, inlinedAt: !8)
        """;

    // BPF's byte swap to big-endian (BPF_ALU | BPF_END | BPF_TO_BE), and its immediate 16.
    private const byte ByteSwapToBigEndian = 0xdc;

    /// <summary>
    /// What rustc compiling for x86_64 makes of <c>asm!("{v} = be16 {v}", v = inout(reg) value)</c>:
    /// Intel dialect, the 64-bit operand modifier and x86's flag clobbers.
    /// </summary>
    [TestMethod]
    public void BpfAssemblyThatAHostBuildCompiledIsAssembledForBpf()
    {
        var (ok, log, output) = Link(Program("""
            %v = load i64, ptr @input, !dbg !8
            %s = call i64 asm sideeffect alignstack inteldialect "${0:q} = be16 ${0:q}", "=r,0,~{dirflag},~{fpsr},~{flags},~{memory}"(i64 %v), !dbg !8
            %r = trunc i64 %s to i32, !dbg !8
            ret i32 %r, !dbg !8
            """), fromHost: true);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        Assert.IsTrue(Instructions(output).Any(i => i.Opcode == ByteSwapToBigEndian && i.Immediate == 16), "the program has BPF's be16");
    }

    /// <summary>core::hint::black_box is an empty template that keeps a value opaque: no host assembly, in any build.</summary>
    [TestMethod]
    public void AnEmptyTemplateFromCoreLinksInAHostBuild()
    {
        var (ok, log, _) = Link(Program("""
            %slot = alloca i32, !dbg !8
            store i32 2, ptr %slot, !dbg !8
            call void asm sideeffect "", "r,~{memory}"(ptr %slot), !dbg !11
            %r = load i32, ptr %slot, !dbg !8
            ret i32 %r, !dbg !8
            """), fromHost: true);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
    }

    [TestMethod]
    public void HostAssemblyInTheToolchainsLibraryIsBpf2014()
    {
        var error = SingleError(Program("""
            call void asm sideeffect "pause", "~{memory}"(), !dbg !11
            ret i32 2, !dbg !8
            """), fromHost: true);

        Assert.AreEqual(DiagnosticCodes.HostInlineAsm, error.Code);
        Assert.Contains("function 'callee'", error.Message);
        Assert.Contains("toolchain's library (/rustc/59807616e1111111111111111111111111111111/library/core/src/hint.rs): `pause`", error.Message);
        Assert.AreEqual(("/src/main.rs", 9), (error.File, error.Line));
    }

    [TestMethod]
    [DataRow("=r,{ax},~{dirflag}", "register {ax}")]
    [DataRow("=x,x", "constraint 'x'")]
    public void AssemblyWithTheHostsRegistersIsBpf2014(string constraints, string what)
    {
        var error = SingleError(Program($$"""
            %v = call i64 asm sideeffect inteldialect "mov ${0:q}, ${1:q}", "{{constraints}}"(i64 1), !dbg !8
            %r = trunc i64 %v to i32, !dbg !8
            ret i32 %r, !dbg !8
            """), fromHost: true);

        Assert.AreEqual(DiagnosticCodes.HostInlineAsm, error.Code);
        Assert.Contains($"uses {what}", error.Message);
        Assert.Contains("cfg(not(target_arch = \"bpf\"))", error.Message);
    }

    [TestMethod]
    public void InlineAssemblyInABpfBuildIsBpfAssemblyAndLinks()
    {
        var (ok, log, _) = Link(Program("""
            %r = call i32 asm sideeffect "$0 = 2", "=r"(), !dbg !8
            ret i32 %r, !dbg !8
            """, triple: "bpfel"));

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
    }

    /// <summary>In either build, what the BPF assembler refuses is one coded error at the Rust function, with the assembler's words.</summary>
    [TestMethod]
    [DataRow("bpfel", false, "r0 = = 1")]
    [DataRow("x86_64-unknown-linux-gnu", true, "pause")]
    public void AssemblyThatTheBpfAssemblerRefusesIsBpf2018AtItsFunction(string triple, bool fromHost, string template)
    {
        var error = SingleError(Program($$"""
            call void asm sideeffect "{{template}}", ""(), !dbg !8
            ret i32 2, !dbg !8
            """, triple), fromHost);

        Assert.AreEqual(DiagnosticCodes.AsmRefused, error.Code);
        Assert.Contains("function 'callee' contains inline assembly that LLVM's BPF assembler refuses: <inline asm>:1:", error.Message);
        Assert.Contains($"(the assembly: `{template}`)", error.Message);
        Assert.AreEqual(("/src/main.rs", 9), (error.File, error.Line));
    }

    // The callee's program, with a global @input it may read and core's location !11.
    private static string Program(string calleeBody, string triple = "x86_64-unknown-linux-gnu") =>
        CalleeProgram.Ir(calleeBody, "@input = internal global i64 4660", triple, CoreLocation);

    private Diagnostic SingleError(string ir, bool fromHost)
    {
        var (ok, log, output) = Link(ir, fromHost);
        Assert.IsFalse(ok);
        Assert.IsFalse(File.Exists(output), "no object is written");
        return log.Reported.Single(d => d.Severity == Severity.Error);
    }

    /// <summary>The 8-byte BPF instructions of the object's .text (where @callee is): opcode and immediate.</summary>
    private static List<(byte Opcode, int Immediate)> Instructions(string objectPath)
    {
        using var stream = File.OpenRead(objectPath);
        var text = ElfFile.Read(stream).Sections.OfType<ElfStreamSection>().Single(s => s.Name.Value == ".text");
        var bytes = new byte[text.Stream.Length];
        text.Stream.Position = 0;
        text.Stream.ReadExactly(bytes);
        return [.. bytes.Chunk(8).Select(i => (i[0], BitConverter.ToInt32(i, 4)))];
    }
}
