using Aya.Bpf.Tasks.Cargo;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class CargoMessageParserTests
{
    private static readonly Func<string, bool> NoFileExists = _ => false;

    [TestMethod]
    public void PlacesATypeErrorOnItsPrimarySpanInTheCrate()
    {
        var parsed = CargoMessageParser.Parse(CargoSamples.TypeError, path => path == "/src/compile-error/src/main.rs");

        var diagnostic = parsed as CargoDiagnostic;
        Assert.IsNotNull(diagnostic, $"parsed as {parsed}");
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual("E0308", diagnostic.Code);
        Assert.AreEqual("mismatched types", diagnostic.Message);
        Assert.AreEqual("/src/compile-error/src/main.rs", diagnostic.File);
        Assert.AreEqual((18, 24, 18, 28), (diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn));
        Assert.Contains("expected `u32`, found `&str`", diagnostic.Rendered ?? "");
    }

    [TestMethod]
    public void AnchorsRelativeSpansAtTheWorkspaceRootAboveThePackage()
    {
        // In a workspace, rustc runs in the workspace root and names files relative to it.
        var line = CargoSamples.TypeError
            .Replace("/src/compile-error/Cargo.toml", "/ws/members/probe/Cargo.toml", StringComparison.Ordinal)
            .Replace("\"file_name\":\"src/main.rs\"", "\"file_name\":\"members/probe/src/main.rs\"", StringComparison.Ordinal);

        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(line, path => path == "/ws/members/probe/src/main.rs");

        Assert.AreEqual("/ws/members/probe/src/main.rs", diagnostic.File);
    }

    [TestMethod]
    public void FallsBackToThePackageFolderWhenNoCandidateExists()
    {
        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(CargoSamples.TypeError, NoFileExists);

        Assert.AreEqual("/src/compile-error/src/main.rs", diagnostic.File);
    }

    [TestMethod]
    public void KeepsALintsNameAsTheWarningCode()
    {
        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(CargoSamples.UnusedVariableWarning, NoFileExists);

        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.AreEqual("unused_variables", diagnostic.Code);
        Assert.AreEqual((17, 9), (diagnostic.Line, diagnostic.Column));
    }

    /// <summary>rustc's help and note lines say what to do; they stay in the one-line message, in rustc's order.</summary>
    [TestMethod]
    public void KeepsRustcsHelpAndNoteLinesInTheMessage()
    {
        var warning = (CargoDiagnostic)CargoMessageParser.Parse(CargoSamples.UnusedVariableWarning, NoFileExists);
        var error = (CargoDiagnostic)CargoMessageParser.Parse(CargoSamples.UnwindingPanicsError, NoFileExists);

        Assert.AreEqual(
            "unused variable: `unused` (note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default; help: if this is intentional, prefix it with an underscore)",
            warning.Message);
        Assert.AreEqual(
            "unwinding panics are not supported without std (help: using nightly cargo, use -Zbuild-std with panic=\"abort\" to avoid unwinding; " +
            "note: since the core library is usually precompiled with panic=\"unwind\", rebuilding your crate with panic=\"abort\" may not be enough to fix the problem)",
            error.Message);
    }

    [TestMethod]
    public void TurnsAFailureNoteWithoutCodeOrSpanIntoANoteOnTheManifest()
    {
        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(CargoSamples.FailureNote, NoFileExists);

        Assert.AreEqual(DiagnosticSeverity.Note, diagnostic.Severity);
        Assert.AreEqual("rustc", diagnostic.Code);
        Assert.AreEqual("/src/compile-error/Cargo.toml", diagnostic.File);
        Assert.AreEqual(0, diagnostic.Line);
    }

    [TestMethod]
    [DataRow("aborting due to 2 previous errors", "error")]
    [DataRow("1 warning emitted", "warning")]
    public void TreatsRustcsClosingSummariesAsNotes(string text, string level)
    {
        var line = $$$"""{"reason":"compiler-message","manifest_path":"/c/Cargo.toml","target":{"kind":["bin"],"name":"c"},"message":{"message":"{{{text}}}","code":null,"level":"{{{level}}}","spans":[],"children":[],"rendered":"{{{level}}}: {{{text}}}\n"}}""";

        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(line, NoFileExists);

        Assert.AreEqual(DiagnosticSeverity.Note, diagnostic.Severity);
    }

    [TestMethod]
    public void ShowsAnErrorInsideAMacroAtTheMacrosCallSite()
    {
        const string line = """
            {"reason":"compiler-message","manifest_path":"/c/Cargo.toml","target":{"kind":["bin"],"name":"c"},"message":{"message":"boom","code":{"code":"E0599","explanation":null},"level":"error","children":[],"rendered":null,
             "spans":[{"file_name":"<macros>","line_start":1,"line_end":1,"column_start":1,"column_end":2,"is_primary":true,
                       "expansion":{"span":{"file_name":"src/main.rs","line_start":7,"line_end":7,"column_start":5,"column_end":20,"is_primary":false,"expansion":null},"macro_decl_name":"m!","def_site_span":null}}]}}
            """;

        var diagnostic = (CargoDiagnostic)CargoMessageParser.Parse(line.ReplaceLineEndings(""), NoFileExists);

        Assert.AreEqual("/c/src/main.rs", diagnostic.File);
        Assert.AreEqual((7, 5), (diagnostic.Line, diagnostic.Column));
    }

    [TestMethod]
    public void ReadsTheBinArtifactAndWhereCargoPutIt()
    {
        var artifact = (CargoArtifact)CargoMessageParser.Parse(CargoSamples.BinArtifact, NoFileExists);

        Assert.IsTrue(artifact.IsBin);
        Assert.AreEqual("compile-error", artifact.TargetName);
        Assert.AreEqual("/src/tgt/bpfel-unknown-none/release/compile-error", artifact.Executable);
        Assert.IsFalse(artifact.Fresh);
    }

    [TestMethod]
    public void ReadsALibArtifactAsNoBin()
    {
        var artifact = (CargoArtifact)CargoMessageParser.Parse(CargoSamples.LibArtifact, NoFileExists);

        Assert.IsFalse(artifact.IsBin);
        Assert.IsNull(artifact.Executable);
        Assert.HasCount(2, artifact.Filenames);
    }

    [TestMethod]
    public void ReadsTheEndOfAFailedBuild() =>
        Assert.AreEqual(new CargoBuildFinished(false), CargoMessageParser.Parse(CargoSamples.BuildFailed, NoFileExists));

    [TestMethod]
    public void PassesOnMessagesItDoesNotUse() =>
        Assert.AreEqual(new CargoOtherMessage("build-script-executed"), CargoMessageParser.Parse(CargoSamples.BuildScriptExecuted, NoFileExists));

    [TestMethod]
    [DataRow("error: no bin target named `other` in default-run packages")]
    [DataRow("   Compiling xdp-pass v0.1.0 (/src/xdp-pass)")]
    [DataRow("{not json")]
    public void KeepsCargosOwnTextAsText(string line) =>
        Assert.AreEqual(new CargoTextLine(line), CargoMessageParser.Parse(line, NoFileExists));
}
