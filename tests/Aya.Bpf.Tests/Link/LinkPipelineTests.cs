using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Tests.Support;
using LibObjectFile.Elf;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class LinkPipelineTests : PipelineTests
{
    private const string Program = """
        target triple = "bpfel"
        define internal i32 @helper(i32 %x) noinline {
          ret i32 %x
        }
        define i32 @xdp_prog(ptr %ctx) section "xdp" {
          %r = call i32 @helper(i32 2)
          ret i32 %r
        }
        @LICENSE = global [4 x i8] c"GPL\00", section "license"
        """;

    // The entry point described in debug info, so that the object gets BTF.
    private const string DebugInfo = $$"""
        {{DebugIr.CompileUnit}}
        !4 = distinct !DISubprogram(name: "xdp_prog", scope: !1, file: !1, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
        !5 = !DISubroutineType(types: !{!3})
        """;

    private static readonly string ProgramWithDebugInfo =
        Program.Replace("define i32 @xdp_prog(ptr %ctx) section \"xdp\" {", "define i32 @xdp_prog(ptr %ctx) section \"xdp\" !dbg !4 {") + "\n" + DebugInfo;

    [TestMethod]
    public void WritesABpfObjectWithTheProgramAndLicenseSections()
    {
        var (ok, log, output) = Link(ProgramWithDebugInfo);

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        using var stream = File.OpenRead(output);
        var elf = ElfFile.Read(stream);
        Assert.AreEqual(247, (int)elf.Arch.Value);
        var sections = elf.Sections.Select(s => s.Name.Value).ToList();
        CollectionAssert.Contains(sections, "xdp");
        CollectionAssert.Contains(sections, "license");
        CollectionAssert.Contains(sections, ".BTF");
    }

    [TestMethod]
    public void AnObjectWithoutBtfIsAnErrorAndIsNotWritten()
    {
        var (ok, log, output) = Link(Program);

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.BtfMissing, error.Code);
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void ACallToAFunctionNoInputDefinesIsAnError()
    {
        var (ok, log, output) = Link(Program.Replace("define internal i32 @helper(i32 %x) noinline {\n  ret i32 %x\n}", "declare i32 @helper(i32)"));

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.UndefinedSymbol, error.Code);
        Assert.Contains("'helper'", error.Message);
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void AnLlvmErrorDiagnosticFailsTheLinkWithItsText()
    {
        var (ok, log, output) = Link(LlvmIr.DynamicStackAllocation);

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.LlvmError, error.Code);
        Assert.Contains("dynamic stack allocation", error.Message);
        Assert.IsFalse(File.Exists(output));
    }

    /// <summary>One error at the call's line, naming caller and callee, without the backend's SelectionDAG node or its repeat for the callee.</summary>
    [TestMethod]
    public void ACallWithSixArgumentsIsOneBpf2024AtTheCall()
    {
        var (ok, log, output) = Link(LlvmIr.CallWithSixArguments);

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.TooManyArguments, error.Code, error.Message);
        Assert.AreEqual((LlvmIr.SixArgumentsFile, LlvmIr.SixArgumentsCallLine), (error.File, error.Line), error.Message);
        Assert.Contains($"'{LlvmIr.SixArgumentsCaller}' calls 'six' with 6 arguments", error.Message);
        Assert.DoesNotContain("GlobalAddress", error.Message);
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void AnEntryPointOfSixParametersIsBpf2024NamingIt()
    {
        var (ok, log, _) = Link(LlvmIr.EntryWithSixParameters);

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.TooManyArguments, error.Code, error.Message);
        Assert.Contains("'xdp_params' takes 6 parameters", error.Message);
    }

    [TestMethod]
    public void AModuleWithoutEntryPointsIsAnError()
    {
        var (ok, log, _) = Link("""
            target triple = "bpfel"
            define i32 @lonely(i32 %x) {
              ret i32 %x
            }
            """);

        Assert.IsFalse(ok);
        Assert.AreEqual(DiagnosticCodes.NoEntryPoints, log.Reported.Single(d => d.Severity == Severity.Error).Code);
    }

    [TestMethod]
    public void AnObjectFileWithoutBitcodeIsRefusedByName()
    {
        var program = Path.Combine(Scratch, "program.ll");
        File.WriteAllText(program, Program);
        var plainObject = Path.Combine(Scratch, "plain.o");
        File.WriteAllBytes(plainObject, Inputs.TestElf.WithoutBitcode());

        var (ok, log, _) = Link([program, plainObject]);

        Assert.IsFalse(ok);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.InputHasNoBitcode, error.Code);
        Assert.AreEqual(plainObject, error.File);
    }

}
