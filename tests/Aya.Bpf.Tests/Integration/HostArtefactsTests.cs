namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// What compiling for the host leaves in the code, on programs over the real core
/// (tests/fixtures/host-artefacts): a None's undefined payload stored to a map (a register nothing
/// wrote, which the verifier refuses), an Option returned from a function kept out of line (a pair
/// BPF cannot return, on which LLVM's code generator crashed), and a function past BPF's stack,
/// reported once, at its Rust name and line.
/// </summary>
[TestClass]
public sealed class HostArtefactsTests
{
    private const string Project = "host-artefacts/host-artefacts.bpfproj";
    private const string Source = "host-artefacts/src/main.rs";
    private const string Output = "host-artefacts/bin/Release/host-artefacts.bpf.o";
    private const int XdpPass = 2;
    private const int Short = 20;
    private const int Long = 64;

    private static readonly FixtureBuild Fixture = new(Project);
    private static readonly FixtureBuild Overflowing = new(Project, "-p:CargoFeatures=stack-overflow");

    [ClassCleanup]
    public static void Cleanup()
    {
        Fixture.Dispose();
        Overflowing.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_SaysWhatItMadeDefinedAndInlined()
    {
        RequiredTool.CargoPath();
        BuildResult build = Fixture.Succeeded();

        StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"[1-9]\d* undefined values \(a None's payload, padding\) made zero"), build.Describe());
        StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"[1-9]\d* functions returning more than BPF can return"), build.Describe());
    }

    /// <summary>A None stored to a map: the kernel loads it (before, "R6 !read_ok") and the map holds tag 0 and a zero payload.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void AStoredNone_Loads_AndIsAllZero_AndASomeHoldsItsPayload()
    {
        using LoadedObject loaded = Load();
        loaded.Update("LAST", Key0, [.. Enumerable.Repeat((byte)0xFF, 8)]);

        Assert.AreEqual(XdpPass, loaded.Run("store_option", new byte[Short]), loaded.Result.Describe());
        CollectionAssert.AreEqual(new byte[8], loaded.RawValue("LAST", Key0), "None: tag 0, payload 0");

        Assert.AreEqual(XdpPass, loaded.Run("store_option", new byte[Long]), loaded.Result.Describe());
        byte[] some = loaded.RawValue("LAST", Key0);
        Assert.AreEqual(1u, BitConverter.ToUInt32(some, 0), "Some: tag 1");
        Assert.AreEqual(1u, BitConverter.ToUInt32(some, 4) & 1, "the payload is the odd time stamp");
    }

    /// <summary>An Option returned out of line: inlined, it loads and returns what the source says.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void AnOptionReturnedOutOfLine_IsWhatTheFunctionReturned()
    {
        using LoadedObject loaded = Load();

        Assert.AreEqual(XdpPass, loaded.Run("return_option", new byte[Short]), loaded.Result.Describe());
        Assert.AreEqual(0u, BitConverter.ToUInt32(loaded.RawValue("RETURNED", Key0), 0), "None for a short packet");
        Assert.AreEqual(XdpPass, loaded.Run("return_option", new byte[Long]), loaded.Result.Describe());
        byte[] some = loaded.RawValue("RETURNED", Key0);
        Assert.AreEqual((1u, (uint)Long), (BitConverter.ToUInt32(some, 0), BitConverter.ToUInt32(some, 4)), "Some(the packet's length)");
    }

    /// <summary>Past the stack: one error for the function, at its line, with its slots' size, and none of the backend's per-access messages.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void AFunctionPastTheStack_IsOneErrorAtItsLine()
    {
        RequiredTool.CargoPath();
        BuildResult build = Overflowing.Result();

        string error = BuildErrors.AssertReported(build, "BPF2019", "'too_big'", "512 bytes", "800 bytes");
        BuildErrors.AssertAt(error, Source, SourceText.LineOf(SourceText.Read(Overflowing.Workspace, Source), "pub fn too_big("), build);
        Assert.HasCount(1, BuildErrors.Lines(build, "BPF2019"), build.Describe());
        Assert.DoesNotContain("Looks like the BPF stack limit is exceeded", build.Output, build.Describe());
    }

    private static readonly byte[] Key0 = BitConverter.GetBytes(0);

    private static LoadedObject Load()
    {
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
        LoadedObject loaded = LoadedObject.Load(Fixture.Workspace.PathOf(Output), pinMaps: true);
        try
        {
            BpfObjectAssertions.LoadedCleanly(loaded.Result, "store_option", "xdp");
            BpfObjectAssertions.LoadedCleanly(loaded.Result, "return_option", "xdp");
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }
}
