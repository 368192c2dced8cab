using Aya.Bpf.Linker.Cli;

namespace Aya.Bpf.Tests.Cli;

/// <summary>Feeds the capture command what rustc passes its BPF linker, with real files in a temp folder.</summary>
[TestClass]
public sealed class CaptureCommandTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aya-bpf-unit", Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void DeleteFiles()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [TestMethod]
    public void RecordsExportsAndInputsAndCopiesWhatRustcDeletes()
    {
        var rustc = RustcLinkerCall();

        var (exitCode, error) = Run([Manifest, .. rustc.Arguments]);

        Assert.AreEqual(0, exitCode, error);
        var manifest = LinkManifest.Read(Manifest);
        CollectionAssert.AreEqual(new[] { "LICENSE", "xdp_pass" }, manifest.Exports.ToArray());
        var copied = Path.Combine(_root, "obj", "inputs", "xdp_pass-0123", "xdp_pass-0123.xdp_pass.abc-cgu.0.rcgu.o");
        var kept = Path.Combine(_root, "obj", "inputs", "xdp_pass-0123", "libminicore-4567.rlib");
        CollectionAssert.AreEqual(new[] { copied, kept }, manifest.Inputs.ToArray(), "symbols.o is dropped; the rlib is kept beside the unit");
        Assert.AreEqual("BC\u00c0\u00de unit 0", File.ReadAllText(copied));
    }

    [TestMethod]
    public void LeavesTheManifestBesideTheLinkOutputForCargoToKeep()
    {
        var rustc = RustcLinkerCall();

        Assert.AreEqual(0, Run([Manifest, .. rustc.Arguments]).ExitCode);

        Assert.AreEqual(File.ReadAllText(Manifest), File.ReadAllText(rustc.Output));
    }

    [TestMethod]
    public void LeavesAnUnchangedManifestAlone()
    {
        var rustc = RustcLinkerCall();
        Assert.AreEqual(0, Run([Manifest, .. rustc.Arguments]).ExitCode);
        var earlier = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(Manifest, earlier);

        Assert.AreEqual(0, Run([Manifest, .. rustc.Arguments]).ExitCode);

        Assert.AreEqual(earlier, File.GetLastWriteTimeUtc(Manifest));
    }

    [TestMethod]
    public void KeepsTwoInputsOfTheSameNameApart()
    {
        var first = Write("a/unit.o", "first");
        var second = Write("b/unit.o", "second");

        Assert.AreEqual(0, Run([Manifest, first, second, "-o", Path.Combine(_root, "out")]).ExitCode);

        var inputs = LinkManifest.Read(Manifest).Inputs;
        CollectionAssert.AreEqual(new[] { "first", "second" }, inputs.Select(File.ReadAllText).ToArray());
        Assert.AreNotEqual(inputs[0], inputs[1]);
    }

    [TestMethod]
    public void TakesRustcsResponseFile()
    {
        var unit = Write("dir with space/unit.o", "unit");
        var responseFile = Write("linker-arguments", $"{unit.Replace(" ", "\\ ", StringComparison.Ordinal)}\n-o\n{Path.Combine(_root, "out")}\n");

        Assert.AreEqual(0, Run([Manifest, "@" + responseFile]).ExitCode);

        Assert.AreEqual("unit", File.ReadAllText(LinkManifest.Read(Manifest).Inputs.Single()));
    }

    [TestMethod]
    [DataRow("--frobnicate", "unsupported linker argument '--frobnicate'")]
    [DataRow("-o", "option '-o' needs a value")]
    public void FailsWithOneLineOnArgumentsItDoesNotKnow(string argument, string expected)
    {
        var (exitCode, error) = Run([Manifest, argument]);

        Assert.AreEqual(1, exitCode);
        Assert.AreEqual($"Aya.Bpf.Linker capture: error: {expected}", error.TrimEnd());
        Assert.IsFalse(File.Exists(Manifest));
    }

    [TestMethod]
    public void FailsOnAnInputThatIsNotThere()
    {
        var (exitCode, error) = Run([Manifest, Path.Combine(_root, "missing.o")]);

        Assert.AreEqual(1, exitCode);
        Assert.Contains("missing.o", error);
        Assert.HasCount(1, error.TrimEnd().Split('\n'));
    }

    /// <summary>A host build (BpfRustBuild=host) links through the host's linker flavour: GNU ld's, or cc's.</summary>
    [TestMethod]
    [DataRow("ld")]
    [DataRow("cc")]
    public void RecordsTheInputsOfAHostBuildsLink(string flavour)
    {
        var symbols = Write("x86_64-unknown-linux-gnu/release/deps/rustcXyZ/symbols.o", "\u007fELF");
        var unit = Write("x86_64-unknown-linux-gnu/release/deps/core_xdp-01.core_xdp.ab-cgu.0.rcgu.o", "BC\u00c0\u00de unit");
        var rlib = Write("x86_64-unknown-linux-gnu/release/deps/libminimaps-23.rlib", "!<arch>\n");
        var core = Write("sysroot/lib/libcore-45.rlib", "!<arch>\n");
        var output = Path.Combine(_root, "x86_64-unknown-linux-gnu/release/deps/core_xdp-01");
        string[] arguments = flavour == "ld"
            ? [symbols, unit, "--as-needed", "-Bstatic", rlib, core, "-L", _root, "-Bdynamic", "--eh-frame-hdr", "-z", "noexecstack",
               "-plugin-opt=O3", "-plugin-opt=mcpu=x86-64", "-o", output, "--gc-sections", "-pie", "-z", "relro", "-z", "now", "-O1"]
            : ["-m64", symbols, unit, "-Wl,--as-needed", "-Wl,-Bstatic", rlib, core, "-Wl,-Bdynamic", "-Wl,--eh-frame-hdr", "-Wl,-z,noexecstack",
               $"-B{_root}/gcc-ld", "-fuse-ld=lld", "-L", _root, "-o", output, "-Wl,--gc-sections", "-pie", "-Wl,-z,relro,-z,now", "-Wl,-O1", "-nodefaultlibs"];

        var (exitCode, error) = Run([Manifest, .. arguments]);

        Assert.AreEqual(0, exitCode, error);
        var inputs = LinkManifest.Read(Manifest).Inputs;
        CollectionAssert.AreEqual(new[] { "core_xdp-01.core_xdp.ab-cgu.0.rcgu.o", "libminimaps-23.rlib", "libcore-45.rlib" }, inputs.Select(Path.GetFileName).ToArray());
        Assert.AreEqual(core, inputs[2], "the sysroot's core is read where it is: no build rewrites it");
    }

    /// <summary>
    /// Another project's cargo sharing the target dir may rebuild an rlib (rustc writes it aside and
    /// renames it over the old one) after this cargo exits and before its link step reads it.
    /// </summary>
    [TestMethod]
    public void KeepsTheRlibRustcLinked_WhenCargoRebuildsItBeforeTheLink()
    {
        var rustc = RustcLinkerCall();
        Assert.AreEqual(0, Run([Manifest, .. rustc.Arguments]).ExitCode);

        var rebuilt = Write("deps/rustcTmp/lib.rlib", "!<arch>\nrebuilt");
        File.Move(rebuilt, rustc.Rlib, overwrite: true);

        var kept = LinkManifest.Read(Manifest).Inputs[1];
        Assert.AreNotEqual(rustc.Rlib, kept);
        Assert.AreEqual("!<arch>\n", File.ReadAllText(kept), "the link would read another build's rlib");
    }

    [TestMethod]
    public void KeepsTheRlib_WhenCargoDeletesIt()
    {
        var rustc = RustcLinkerCall();
        Assert.AreEqual(0, Run([Manifest, .. rustc.Arguments]).ExitCode);

        File.Delete(rustc.Rlib);

        Assert.AreEqual("!<arch>\n", File.ReadAllText(LinkManifest.Read(Manifest).Inputs[1]), "the rlib went with cargo's");
    }

    [TestMethod]
    [DataRow("/t/x86_64-unknown-linux-gnu/", "/t/x86_64-unknown-linux-gnu/release/deps/core_xdp-01", false)]
    [DataRow("/t/x86_64-unknown-linux-gnu/", "/t/release/build/minicore-9/build_script_build-9", true)]
    [DataRow("/t/x86_64-unknown-linux-gnu/", "/t/x86_64-unknown-linux-gnu-other/release/deps/x", true)]
    [DataRow(null, "/t/release/build/minicore-9/build_script_build-9", false)]
    public void HandsOnlyLinksOutsideTheTargetFolderToTheSystemLinker(string? captureDirectory, string output, bool handedOn) =>
        Assert.AreEqual(handedOn, HostLinkPassthrough.IsHostToolLink(captureDirectory, output));

    private string Manifest => Path.Combine(_root, "obj", "link.json");

    /// <summary>The arguments rustc 1.95 passes for a bin, with the files they name.</summary>
    private (string[] Arguments, string Rlib, string Output) RustcLinkerCall()
    {
        var exports = Write("deps/rustcAbC123/symbols", "LICENSE\nxdp_pass\n");
        var symbols = Write("deps/rustcAbC123/symbols.o", "\u007fELF");
        var unit = Write("deps/xdp_pass-0123.xdp_pass.abc-cgu.0.rcgu.o", "BC\u00c0\u00de unit 0");
        var rlib = Write("deps/libminicore-4567.rlib", "!<arch>\n");
        var output = Path.Combine(_root, "deps", "xdp_pass-0123");
        string[] arguments =
        [
            "--export-symbols", exports, symbols, unit, rlib, "-L", Path.Combine(_root, "deps/rustcAbC123/raw-dylibs"),
            "--cpu", "generic", "-o", output, "-O3", "--debug",
        ];
        return (arguments, rlib, output);
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CaptureCommand.Run(args, output, error);
        Assert.AreEqual("", output.ToString(), "rustc shows a linker's output as noise");
        return (exitCode, error.ToString());
    }
}
