namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture that links C bitcode (from clang-14) into a Rust program: the program's verdict
/// is the C function's sum, so a passing run shows the C code really was linked in.
/// </summary>
[TestClass]
public sealed class CHelperTests : XdpFixtureTests
{
    private const string HelperSource = "c-helper/helper.c";
    private const string HelperFunction = "c_helper_add";
    private const string HelperSignature = "(a: INT 'unsigned int', b: INT 'unsigned int') -> INT 'unsigned int'";

    private static readonly FixtureBuild Fixture = new("c-helper/c-helper.bpfproj");

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => "c-helper/bin/Release/c-helper.bpf.o";

    protected override string ProgramName => "xdp_c_helper";

    // c_helper_add(XDP_DROP, XDP_DROP): 1 + 1 = XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    /// <summary>A non-static C global stays a global symbol in .bss, as in clang's own object, and holds what the C code counted.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void CGlobal_KeepsItsSymbol_AndCountsTheCalls()
    {
        RequiredTool.Clang14Path();
        using LoadedObject loaded = LoadObject(pinMaps: true);

        Assert.AreEqual(ExpectedVerdict, loaded.Run(ProgramName, BpfObjectAssertions.TestPacket()), loaded.Result.Describe());

        Assert.AreEqual(new ElfObjectSymbol(".bss", 0, 4, IsGlobal: true), ElfObjectHeader.Symbol(Build.Workspace.PathOf(ObjectFile), "c_helper_calls"));
        Assert.AreEqual(1L, loaded.FormattedGlobal(".bss", "c_helper_calls").GetInt64(), "c_helper_calls after one run");
    }

    /// <summary>
    /// The C function's BTF passes through the link as clang made it: compiled on its own by clang-14,
    /// the FUNC has the same name and prototype (parameter names, and parameter and return types
    /// followed through the type graph) as in the linked object. Its linkage is the one thing the link
    /// changes, and must: only program entry points stay global, so the function becomes a local
    /// symbol and its FUNC static, which the verifier checks with its caller instead of on its own.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void CHelperFunction_KeepsTheBtfClangGaveIt()
    {
        RequireBuildTools();
        RequiredTool.BpftoolPath();
        Build.Succeeded();

        BtfDump clang = Bpftool.DumpBtf(CompileHelperWithClang());
        BtfDump linked = Bpftool.DumpBtf(Build.Workspace.PathOf(ObjectFile));

        BtfDumpType expected = clang.Single("FUNC", HelperFunction);
        BtfDumpType actual = linked.Single("FUNC", HelperFunction);
        Assert.AreEqual("global", expected.Linkage, $"linkage clang gave FUNC '{HelperFunction}'");
        Assert.AreEqual("static", actual.Linkage, $"linkage of FUNC '{HelperFunction}' after the link internalized it");
        Assert.AreEqual(HelperSignature, clang.Signature(expected), $"prototype clang gave FUNC '{HelperFunction}'");
        Assert.AreEqual(clang.Signature(expected), linked.Signature(actual), $"prototype of FUNC '{HelperFunction}' after the link");
    }

    // `clang-14 -target bpf -O2 -g -c helper.c`: the fixture's own flags, but to an object rather than bitcode.
    private string CompileHelperWithClang()
    {
        string output = Build.Workspace.PathOf("clang-reference/helper.o");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        ProcessResult compile = ChildProcess.Run(
            RequiredTool.Clang14Path(),
            ["-target", "bpf", "-O2", "-g", "-c", Build.Workspace.PathOf(HelperSource), "-o", output],
            TimeSpan.FromMinutes(1));
        Assert.IsTrue(compile.Succeeded && File.Exists(output), $"clang-14 failed (exit {compile.ExitCode}):{Environment.NewLine}{compile.Output}");
        return output;
    }

    protected override void RequireBuildTools()
    {
        RequiredTool.CargoPath();
        RequiredTool.Clang14Path();
    }
}
