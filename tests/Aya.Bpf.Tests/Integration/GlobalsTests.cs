using Aya.Bpf.Tests.Kernel.Libbpf;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Globals userspace reads and writes by name (tests/fixtures/globals): #[no_mangle] statics keep
/// their symbol and section, a loader's setting of .rodata before load decides what the program
/// does (the link folds no initial value into the code), and the .bss and .data the program writes
/// are what userspace reads after a run, through libbpf as a loader would.
/// </summary>
[TestClass]
public sealed class GlobalsTests
{
    private const string Project = "globals/globals.bpfproj";
    private const string Output = "globals/bin/Release/globals.bpf.o";
    private const string DebugOutput = "globals/bin/Debug/globals.bpf.o";
    private const int XdpPass = 2;
    private const int XdpTx = 3;

    private static readonly FixtureBuild Fixture = new(Project);

    // rustc does not optimise a Debug build: a plain read of MAX_LENGTH reaches the link as a load.
    private static readonly FixtureBuild DebugFixture = FixtureBuild.Plain(Project);

    [ClassCleanup]
    public static void Cleanup()
    {
        Fixture.Dispose();
        DebugFixture.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow("MAX_LENGTH", ".rodata", 4UL)]
    [DataRow("VERDICT_OVER", ".rodata", 4UL)]
    [DataRow("PACKETS_SEEN", ".bss", 8UL)]
    [DataRow("LAST_LENGTH", ".data", 8UL)]
    public void EveryNoMangleStatic_KeepsAGlobalSymbolInItsSection(string name, string section, ulong size)
    {
        RequiredTool.CargoPath();
        BuildResult build = Fixture.Succeeded();

        ElfObjectSymbol? symbol = ElfObjectHeader.Symbol(Fixture.Workspace.PathOf(Output), name);

        Assert.AreEqual(new ElfObjectSymbol(section, symbol?.Offset ?? 0, size, IsGlobal: true), symbol, build.Describe());
        StringAssert.Contains(build.Output, "Globals for userspace (kept, their values left to the loader): LAST_LENGTH, MAX_LENGTH, PACKETS_SEEN, VERDICT_OVER", build.Describe());
    }

    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void AsBuilt_APacketPasses_AndIsCounted()
    {
        using LibbpfObject loaded = Load(Fixture, Output, []);

        Assert.AreEqual(XdpPass, RunOnce(loaded, packetLength: 64));
        Assert.AreEqual(1UL, Global(loaded, ".bss", "PACKETS_SEEN"));
        Assert.AreEqual(64UL, Global(loaded, ".data", "LAST_LENGTH"));
    }

    /// <summary>A plain read in code the link optimised: both settings reach the program.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void TheLoadersSettings_DecideTheVerdict_WhenOnlyTheLinkOptimised()
    {
        using LibbpfObject loaded = Load(DebugFixture, DebugOutput, [("MAX_LENGTH", 32), ("VERDICT_OVER", XdpTx)]);

        Assert.AreEqual(XdpTx, RunOnce(loaded, packetLength: 64), "longer than the MAX_LENGTH the loader set: the VERDICT_OVER it set");
        Assert.AreEqual(XdpPass, RunOnce(loaded, packetLength: 20));
        Assert.AreEqual(2UL, Global(loaded, ".bss", "PACKETS_SEEN"));
        Assert.AreEqual(20UL, Global(loaded, ".data", "LAST_LENGTH"));
    }

    /// <summary>In a Release build the volatile read reaches the program; rustc folded the plain one, and the build log says so.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void TheLoadersSetting_OfAVolatileRead_DecidesTheVerdict_InARelease()
    {
        using LibbpfObject loaded = Load(Fixture, Output, [("VERDICT_OVER", XdpTx)]);

        Assert.AreEqual(XdpTx, RunOnce(loaded, packetLength: 1600));
        StringAssert.Contains(Fixture.Result().Output, "Constant globals no code reads: MAX_LENGTH.", Fixture.Result().Describe());
    }

    // Opens the object with libbpf, sets .rodata globals (at their symbols' offsets, as a skeleton
    // does), and loads it.
    private static LibbpfObject Load(FixtureBuild build, string output, (string Name, uint Value)[] settings)
    {
        RequiredTool.ForKernelLoad();
        build.Succeeded();
        string path = build.Workspace.PathOf(output);
        LibbpfObject loaded = LibbpfObject.Open(path);
        try
        {
            foreach ((string name, uint value) in settings)
                BitConverter.TryWriteBytes(loaded.InitialValue(".rodata")[(int)Symbol(path, name).Offset..], value);
            Assert.AreEqual(0, loaded.Load(), loaded.Log);
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    private static long RunOnce(LibbpfObject loaded, int packetLength) => loaded.Run("globals", new byte[packetLength]);

    // A global's value after the runs: its bytes in its section's map (one value, key 0).
    private static ulong Global(LibbpfObject loaded, string section, string name)
    {
        ElfObjectSymbol symbol = Symbol(loaded.Path, name);
        byte[]? data = loaded.Lookup(section, BitConverter.GetBytes(0));
        Assert.IsNotNull(data, $"{section} has no value");
        return BitConverter.ToUInt64(data, (int)symbol.Offset);
    }

    private static ElfObjectSymbol Symbol(string path, string name) =>
        ElfObjectHeader.Symbol(path, name) ?? throw new AssertFailedException($"{path} has no symbol {name}");
}
