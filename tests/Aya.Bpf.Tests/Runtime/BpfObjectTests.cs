using System.Runtime.InteropServices;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>
/// The runtime over libbpf, on the maps-btf fixture built by the packed SDK: its XDP program looks
/// key 0 up in COUNTERS (a hash of u32 to Counter) and counts the packet there.
/// </summary>
[TestClass]
public sealed class BpfObjectTests
{
    private const string ObjectFile = "maps-btf/bin/Release/maps-btf.bpf.o";
    private const uint XdpPass = 2;
    private static readonly FixtureBuild Fixture = new("maps-btf/maps-btf.bpfproj");

    /// <summary>The fixture's COUNTERS value, as C# declares it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Counter
    {
        public ulong Packets;
        public ulong Bytes;
    }

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Kernel")]
    public void TestRun_CountsEveryRunInTheTypedMap()
    {
        using BpfObject bpf = LoadedFixture();
        BpfMap counters = bpf.Map("COUNTERS");
        BpfProgram program = bpf.Program("maps_btf");
        counters.Update(0u, new Counter { Bytes = 7 });

        BpfTestRunResult[] runs = [.. Enumerable.Range(0, 3).Select(_ => program.TestRun(BpfObjectAssertions.TestPacket()))];
        BpfTestRunResult repeated = program.TestRun(BpfObjectAssertions.TestPacket(), repeat: 4);

        CollectionAssert.AreEqual(new[] { XdpPass, XdpPass, XdpPass, XdpPass }, runs.Append(repeated).Select(run => run.ReturnValue).ToArray(), "XDP verdicts");
        Assert.HasCount(64, repeated.Data, "the packet comes back as the program left it");
        Assert.IsTrue(counters.TryLookup(0u, out Counter counter), "key 0 went");
        Assert.AreEqual(7ul, counter.Packets, "3 runs and 4 repetitions, each counted once");
        Assert.AreEqual(7ul, counter.Bytes, "the program only counts packets");
        Assert.IsFalse(counters.TryLookup(1u, out Counter _), "key 1 was never written");
        Assert.AreEqual((1, 4, 16, 64), (counters.Type, counters.KeySize, counters.ValueSize, counters.MaxEntries), "COUNTERS as the kernel has it");
        Assert.IsTrue(counters.Delete(0u));
        Assert.IsFalse(counters.TryLookup(0u, out Counter _), "key 0 was deleted");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void MapsAndProgramsThatAreNotThere_OrOfAnotherSize_AreClearErrors()
    {
        using BpfObject bpf = LoadedFixture();
        BpfMap counters = bpf.Map("COUNTERS");

        BpfNotFoundException noMap = Assert.ThrowsExactly<BpfNotFoundException>(() => bpf.Map("NOPE"));
        BpfNotFoundException noProgram = Assert.ThrowsExactly<BpfNotFoundException>(() => bpf.Program("nope"));
        ArgumentException wrongValue = Assert.ThrowsExactly<ArgumentException>(() => counters.TryLookup(0u, out ulong _));
        ArgumentException wrongKey = Assert.ThrowsExactly<ArgumentException>(() => counters.Update(0ul, new Counter()));

        Assert.Contains("no map 'NOPE'", noMap.Message);
        Assert.Contains("no program 'nope'", noProgram.Message);
        Assert.Contains("values of 16 bytes; UInt64 is 8 bytes", wrongValue.Message);
        Assert.Contains("keys of 4 bytes; UInt64 is 8 bytes", wrongKey.Message);
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void AMapOfAnObjectNotYetLoaded_OrDisposed_IsRefusedBeforeLibbpfSeesIt()
    {
        RequireFixture();
        BpfMap counters;
        using (BpfObject opened = BpfObject.Open(Fixture.Workspace.PathOf(ObjectFile)))
        {
            counters = opened.Map("COUNTERS");
            InvalidOperationException notLoaded = Assert.ThrowsExactly<InvalidOperationException>(() => counters.TryLookup(0u, out Counter _));
            Assert.Contains("BpfObject.Load", notLoaded.Message);
        }

        Assert.ThrowsExactly<ObjectDisposedException>(() => counters.TryLookup(0u, out Counter _));
    }

    /// <summary>The verifier's log, as libbpf prints it, is in the exception of a refused load.</summary>
    [TestMethod]
    [TestCategory("Kernel")]
    public void AProgramTheVerifierRefuses_ThrowsWithTheVerifiersLog()
    {
        RequiredTool.CargoPath();
        RequiredTool.BpfPrivileges();
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("refused.ll", """
            target triple = "bpfel"
            define i32 @xdp_out_of_bounds(ptr %ctx) section "xdp" {
              %p = getelementptr i8, ptr %ctx, i64 4000
              %v = load volatile i32, ptr %p
              ret i32 %v
            }
            """);
        Assert.IsTrue(build.Result.Succeeded, build.Result.Describe());
        using BpfObject bpf = BpfObject.Open(build.ObjectPath);

        BpfException refused = Assert.ThrowsExactly<BpfException>(bpf.Load);

        Assert.AreEqual(13, refused.ErrorCode, refused.Message);
        Assert.Contains("EACCES", refused.Message);
        Assert.Contains("invalid bpf_context access off=4000", refused.Log, refused.Message);
        Assert.IsFalse(bpf.IsLoaded);
    }

    /// <summary>libbpf's own message reaches the exception, with the errno.</summary>
    [TestMethod]
    public void OpeningAFileThatIsNotAnObject_ThrowsWithLibbpfsReason()
    {
        string path = Path.Combine(Path.GetTempPath(), $"aya-bpf-not-an-object-{Guid.NewGuid():N}.o");
        File.WriteAllText(path, "not ELF");
        try
        {
            BpfException error = Assert.ThrowsExactly<BpfException>(() => BpfObject.Open(path));

            Assert.AreNotEqual(0, error.ErrorCode, error.Message);
            Assert.Contains("libbpf cannot open", error.Message);
            Assert.Contains("libbpf: elf", error.Log, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static BpfObject LoadedFixture()
    {
        RequireFixture();
        return LoadedObjects.Load(Fixture.Workspace.PathOf(ObjectFile));
    }

    private static void RequireFixture()
    {
        RequiredTool.CargoPath();
        RequiredTool.BpfPrivileges();
        Fixture.Succeeded();
    }
}
