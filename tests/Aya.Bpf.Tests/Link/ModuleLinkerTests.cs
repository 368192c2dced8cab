using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class ModuleLinkerTests
{
    private const string Program = """
        target triple = "bpfel"
        declare i32 @helper(i32)
        define i32 @xdp_prog(ptr %ctx) section "xdp" {
          %r = call i32 @helper(i32 2)
          ret i32 %r
        }
        @LICENSE = global [4 x i8] c"GPL\00", section "license"
        """;

    private const string Helper = """
        target triple = "bpfel"
        define i32 @helper(i32 %x) {
          ret i32 %x
        }
        """;

    private TargetMachine? _machine;

    private TargetMachine Machine => _machine!;

    [TestInitialize]
    public void Setup() => _machine = ToolchainLlvm.BpfMachine();

    [TestCleanup]
    public void Cleanup() => _machine?.Dispose();

    [TestMethod]
    public void LinksInOrderAndInternalizesAllButEntryPointsAndLicense()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        using var module = ModuleLinker.Link(context, [Ir("program.ll", Program), Ir("helper.ll", Helper)], Machine, log);

        Assert.IsNotNull(module, string.Join("\n", log.Reported));
        var kept = Internalizer.Apply(module, new ExportPolicy([]));

        CollectionAssert.AreEquivalent(new[] { "xdp_prog", "LICENSE" }, kept.ToArray());
        var helper = module.Functions.Single(f => f.Name == "helper");
        Assert.IsFalse(helper.IsDeclaration);
        Assert.AreEqual(Linkage.Internal, helper.Linkage);
    }

    [TestMethod]
    public void TwoDefinitionsOfOneSymbolIsALinkError()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        using var module = ModuleLinker.Link(context, [Ir("a.ll", Helper), Ir("b.ll", Helper)], Machine, log);

        Assert.IsNull(module);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.LinkFailed, error.Code);
        Assert.Contains("b.ll", error.Message);
        Assert.Contains("helper", error.Message);
    }

    [TestMethod]
    public void CorruptBitcodeNamesItsOrigin()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        byte[] truncated = [0x42, 0x43, 0xC0, 0xDE, 0x35, 0x14, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00];
        using var module = ModuleLinker.Link(context, [new BitcodeBlob("libx.rlib(x.rcgu.o)", truncated, IsTextIr: false)], Machine, log);

        Assert.IsNull(module);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.InputCorrupt, error.Code);
        Assert.AreEqual("libx.rlib(x.rcgu.o)", error.File);
    }

    [TestMethod]
    public void BitcodeFromANewerLlvmSaysSoAndNamesBothVersions()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        var future = Inputs.TestBitcode.Module("LLVM99.1.0-rust-9.99.0-nightly");
        using var module = ModuleLinker.Link(context, [new BitcodeBlob("future.bc", future, IsTextIr: false)], Machine, log);

        Assert.IsNull(module);
        var error = log.Reported.Single(d => d.Severity == Severity.Error);
        Assert.AreEqual(DiagnosticCodes.BitcodeFromNewerLlvm, error.Code);
        Assert.Contains("LLVM99.1.0", error.Message);
        Assert.Contains(LlvmLibrary.LoadedVersion!.ToString(), error.Message);
    }

    [TestMethod]
    public void InputsThatOmitOrSpellTheBpfTripleDifferentlyLinkWithoutWarnings()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        var clangStyle = Helper.Replace("\"bpfel\"", "\"bpf\"");
        var bare = Program.Replace("target triple = \"bpfel\"", "");
        using var module = ModuleLinker.Link(context, [Ir("program.ll", bare), Ir("helper.ll", clangStyle)], Machine, log);

        Assert.IsNotNull(module);
        Assert.IsEmpty(log.Reported, string.Join("\n", log.Reported));
        Assert.AreEqual("bpfel", module.Triple);
    }

    /// <summary>x86 C bitcode given as BpfBitcode: refused at that input, whatever the build.</summary>
    [TestMethod]
    public void BitcodeForAnotherTarget_IsBpf2023AtThatInput()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        var x86 = Helper.Replace("\"bpfel\"", "\"x86_64-pc-linux-gnu\"");

        using var module = ModuleLinker.Link(context, [Ir("program.ll", Program), Ir("/p/helper-x86.bc", x86)], Machine, log);

        Assert.IsNull(module);
        var error = log.Reported.Single();
        Assert.AreEqual((DiagnosticCodes.BitcodeForOtherTarget, "/p/helper-x86.bc"), (error.Code, error.File));
        Assert.Contains("is LLVM bitcode for x86_64-pc-linux-gnu, not for BPF", error.Message);
        Assert.Contains("clang -target bpf", error.Message);
    }

    /// <summary>A host build's Rust is for the host's target by design: retargeted, not refused.</summary>
    [TestMethod]
    public void AHostBuildsRust_IsRetargetedToBpf()
    {
        var log = new DiagnosticLog(TextWriter.Null);
        using var context = new LlvmContext();
        var host = Helper.Replace("\"bpfel\"", "\"x86_64-unknown-linux-gnu\"");

        using var module = ModuleLinker.Link(context, [Ir("program.ll", Program), Ir("libcrate.rlib(x.o)", host) with { CompiledForHost = true }], Machine, log);

        Assert.IsNotNull(module, string.Join("\n", log.Reported));
        Assert.IsEmpty(log.Reported, string.Join("\n", log.Reported));
        Assert.AreEqual("bpfel", module.Triple);
    }

    private static BitcodeBlob Ir(string name, string text) => new(name, Encoding.UTF8.GetBytes(text), IsTextIr: true);
}
