using System.Text;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.License;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.License;

[TestClass]
public sealed class ProgramLicenseTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    // A license as Rust declares it: a byte array in a packed struct, with debug info for its place.
    private const string DeclaredLicense = """
        target triple = "bpfel"
        @LICENSE = constant <{ [13 x i8] }> <{ [13 x i8] c"Dual MIT/GPL\00" }>, section "license", align 1, !dbg !5
        !llvm.module.flags = !{!0}
        !llvm.dbg.cu = !{!1}
        !0 = !{i32 2, !"Debug Info Version", i32 3}
        !1 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !2, producer: "rustc", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, globals: !3)
        !2 = !DIFile(filename: "src/main.rs", directory: "/crate")
        !3 = !{!5}
        !4 = !DIBasicType(name: "u8", size: 8, encoding: DW_ATE_unsigned)
        !5 = !DIGlobalVariableExpression(var: !6, expr: !DIExpression())
        !6 = distinct !DIGlobalVariable(name: "LICENSE", scope: !1, file: !2, line: 42, type: !4, isLocal: false, isDefinition: true)
        """;

    private const string NoLicense = """
        target triple = "bpfel"
        @COUNTER = global i64 0
        """;

    /// <summary>libbpf reads the section as a C string: to its first NUL or its end, at most 63 characters.</summary>
    [TestMethod]
    [DataRow("GPL\0", "GPL")]
    [DataRow("GPL", "GPL")]
    [DataRow("GPL\0\0\0\0", "GPL")]
    [DataRow("Dual BSD/GPL\0junk", "Dual BSD/GPL")]
    [DataRow("", "")]
    public void TheSectionReadsAsLibbpfReadsIt(string section, string license) =>
        Assert.AreEqual(license, ProgramLicense.Read(Encoding.UTF8.GetBytes(section)));

    [TestMethod]
    public void ALicenseLongerThanLibbpfsBufferIsCutAt63Characters() =>
        Assert.AreEqual(new string('x', 63), ProgramLicense.Read(Encoding.UTF8.GetBytes(new string('x', 80) + "\0")));

    [TestMethod]
    public void ADeclaredLicenseIsReadFromItsGlobal()
    {
        var (license, log, _) = Resolve(DeclaredLicense, projectLicense: null);

        Assert.AreEqual("Dual MIT/GPL", license.Text);
        Assert.IsTrue(license.IsGplCompatible);
        Assert.Contains("declared by LICENSE at /crate/src/main.rs:42", license.Source);
        Assert.IsEmpty(log.Reported);
    }

    [TestMethod]
    public void WithoutADeclarationTheProjectsLicenseIsAddedAsTheLicenseSection()
    {
        var (license, _, ir) = Resolve(NoLicense, projectLicense: "GPL v2");

        Assert.AreEqual("GPL v2", license.Text);
        Assert.IsTrue(license.IsGplCompatible);
        StringAssert.Contains(ir, "c\"GPL v2\\00\", section \"license\"");
    }

    [TestMethod]
    public void WithNeitherThereIsNoLicense()
    {
        var (license, log, ir) = Resolve(NoLicense, projectLicense: null);

        Assert.IsNull(license.Text);
        Assert.IsFalse(license.IsGplCompatible);
        Assert.DoesNotContain("section \"license\"", ir);
        Assert.IsEmpty(log.Reported, "no license is no error by itself: only what the kernel refuses without one is");
    }

    /// <summary>The code's declaration is what the kernel gets; a different BpfLicense is a warning at the declaration.</summary>
    [TestMethod]
    public void ADeclarationAndADifferentProjectLicenseWarnAtTheDeclaration()
    {
        var (license, log, _) = Resolve(DeclaredLicense, projectLicense: "GPL");

        Assert.AreEqual("Dual MIT/GPL", license.Text);
        var warning = log.Reported.Single(d => d.Severity == Severity.Warning);
        Assert.AreEqual(DiagnosticCodes.LicenseDeclaredTwice, warning.Code);
        Assert.AreEqual(("/crate/src/main.rs", 42), (warning.File, warning.Line));
        Assert.Contains("'GPL'", warning.Message);
    }

    [TestMethod]
    public void ADeclarationAndTheSameProjectLicenseAgree()
    {
        var (_, log, _) = Resolve(DeclaredLicense, projectLicense: "Dual MIT/GPL");

        Assert.IsFalse(log.Reported.Any(d => d.Severity == Severity.Warning), string.Join("\n", log.Reported));
    }

    [TestMethod]
    [DataRow("GPL", true)]
    [DataRow("GPL v2", true)]
    [DataRow("GPL and additional rights", true)]
    [DataRow("Dual BSD/GPL", true)]
    [DataRow("Dual MIT/GPL", true)]
    [DataRow("Dual MPL/GPL", true)]
    [DataRow("GPL-2.0", false)]
    [DataRow("gpl", false)]
    [DataRow("GPL v3", false)]
    [DataRow("MIT", false)]
    [DataRow("", false)]
    public void GplCompatibleIsExactlyTheKernelsList(string license, bool compatible) =>
        Assert.AreEqual(compatible, GplCompatibility.IsCompatible(license));

    private static (ProgramLicense License, DiagnosticLog Log, string Ir) Resolve(string ir, string? projectLicense)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, ir);
        var log = new DiagnosticLog(TextWriter.Null);
        var license = ProgramLicense.Resolve(context, module, projectLicense, bigEndian: false, log);
        Assert.IsNull(module.Verify());
        return (license, log, module.PrintToText());
    }
}
