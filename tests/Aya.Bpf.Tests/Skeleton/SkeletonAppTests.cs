using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Skeleton;

/// <summary>
/// A .NET console project with a ProjectReference to three fixture .bpfproj projects (one embedded)
/// and the runtime package: it compiles their generated skeletons, loads the objects, sets a read-only
/// global before load, test-runs the XDP programs and reads typed maps, a per-CPU map, a ring buffer
/// and globals (tests/fixtures/skeleton-app).
/// </summary>
[TestClass]
public sealed class SkeletonAppTests
{
    private const string App = "skeleton-app/skeleton-app.csproj";
    private const string GlobalsSkeleton = "globals/obj/Release/skeletons/globals.bpf.o.cs";
    private static readonly FixtureBuild Fixture = new(App);

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Kernel")]
    public void ConsoleApp_LoadsRunsAndReadsTypedMapsAndGlobals_ThroughTheSkeletons()
    {
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();

        ProcessResult run = Fixture.Workspace.Dotnet(Fixture.Workspace.PathOf("skeleton-app/bin/Release/net10.0/skeleton-app.dll"), "5");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] expected =
        [
            // 60 bytes pass (XDP_PASS, 2); 1600 bytes exceed MAX_LENGTH and get VERDICT_OVER, set to XDP_TX (3) before load.
            "verdicts 2 3",
            "rodata 1500 3",
            // .bss counted both packets, .data holds the last one's length.
            "bss 2",
            "data 1600",
            "rodata-after-load refused",
            // What userspace wrote to .bss, the program counted on from.
            "bss-after-write 1001",
            // Written as {10, 99}, then 5 runs each counted one packet.
            "counter 15 99",
            "missing False",
            // runtime-events, opened from the app's resource: 5 runs counted per CPU, and numbered 0 to 4 in its ring buffer.
            "runs 5",
            "events 0 1 2 3 4",
        ];
        CollectionAssert.AreEqual(expected, lines, run.Output);
    }

    [TestMethod]
    public void Skeleton_TypesMapsFromBtf_AndNamesRustItemsTheCSharpWay()
    {
        Fixture.Succeeded();
        string skeleton = File.ReadAllText(Fixture.Workspace.PathOf("maps-btf/obj/Release/skeletons/maps-btf.bpf.o.cs"));

        StringAssert.Contains(skeleton, "namespace MapsBtf;");
        StringAssert.Contains(skeleton, "public sealed partial class MapsBtfBpf");
        StringAssert.Contains(skeleton, "public global::Aya.Bpf.Runtime.BpfMap<uint, global::MapsBtf.MapsBtfBpf.Counter> Counters { get; }");
        StringAssert.Contains(skeleton, "public global::Aya.Bpf.Runtime.BpfMap<uint, ulong> Totals { get; }");
        // Map-in-map values are map fds, not a value type: the untyped map.
        StringAssert.Contains(skeleton, "public global::Aya.Bpf.Runtime.BpfMap Outer { get; }");
        string events = File.ReadAllText(Fixture.Workspace.PathOf("runtime-events/obj/Release/skeletons/runtime-events.bpf.o.cs"));
        StringAssert.Contains(events, "public global::Aya.Bpf.Runtime.BpfPerCpuMap<uint, ulong> Runs { get; }");
        StringAssert.Contains(events, "public global::Aya.Bpf.Runtime.BpfMap PerfEvents { get; }", "a perf event array holds fds: untyped");
        StringAssert.Contains(events, "public global::Aya.Bpf.Runtime.BpfMap Events { get; }", "a ring buffer has no key or value");
        StringAssert.Contains(skeleton, "MapsBtf = bpfObject.Program(\"maps_btf\");");
        StringAssert.Contains(skeleton, "[global::System.Runtime.InteropServices.FieldOffset(8)] public ulong Bytes;");
    }

    [TestMethod]
    public void BuildingAgain_LeavesTheSkeletonsAndTheAppUntouched()
    {
        Fixture.Succeeded();
        string skeleton = Fixture.Workspace.PathOf(GlobalsSkeleton);
        string app = Fixture.Workspace.PathOf("skeleton-app/obj/Release/net10.0/skeleton-app.dll");
        DateTime skeletonWritten = File.GetLastWriteTimeUtc(skeleton);
        DateTime appCompiled = File.GetLastWriteTimeUtc(app);

        BuildResult again = Fixture.Workspace.Build(App);

        Assert.IsTrue(again.Succeeded, again.Describe());
        Assert.AreEqual(skeletonWritten, File.GetLastWriteTimeUtc(skeleton), "an unchanged object's skeleton is not rewritten");
        Assert.AreEqual(appCompiled, File.GetLastWriteTimeUtc(app), "nothing changed, so the app is not compiled again");
    }

    [TestMethod]
    public void DesignTimeBuild_CompilesTheSkeletonsOfTheLastBuild()
    {
        Fixture.Succeeded();

        ProcessResult designTime = Fixture.Workspace.Dotnet("msbuild", Fixture.Workspace.PathOf(App), "-p:DesignTimeBuild=true", "-p:Configuration=Release",
            "-t:BpfAddSkeletons", "-getItem:Compile", "-nologo");

        Assert.AreEqual(0, designTime.ExitCode, designTime.Output);
        StringAssert.Contains(designTime.StandardOutput, "globals.bpf.o.cs", designTime.Output);
        StringAssert.Contains(designTime.StandardOutput, "maps-btf.bpf.o.cs", designTime.Output);
        StringAssert.Contains(designTime.StandardOutput, "BpfSkeletons/globals.bpf.o.cs", "shown in the IDE under BpfSkeletons/");
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void GlobalSection_OffsetsOutsideIt_AndSectionsNotThere_AreClearErrors()
    {
        RequiredTool.ForKernelLoad();
        Fixture.Succeeded();
        using BpfObject bpf = BpfObject.Open(Fixture.Workspace.PathOf("globals/bin/Release/globals.bpf.o"));
        using BpfGlobalSection rodata = BpfGlobalSection.Of(bpf, ".rodata");

        Assert.AreEqual(8, rodata.Size, "MAX_LENGTH and VERDICT_OVER");
        Assert.AreEqual(1500u, rodata.Read<uint>(0), "MAX_LENGTH's initial value, before load");
        var outside = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => rodata.Read<ulong>(4));
        StringAssert.Contains(outside.Message, "section '.rodata' is 8 bytes; 8 bytes at offset 4 do not fit in it.");
        var missing = Assert.ThrowsExactly<BpfNotFoundException>(() => BpfGlobalSection.Of(bpf, ".data.nope"));
        StringAssert.Contains(missing.Message, "no global data section '.data.nope'");
        bpf.Load();
        Assert.AreEqual(1500u, rodata.Read<uint>(0), "read back from the loaded map's memory");
        Assert.IsTrue(rodata.IsReadOnlyOnceLoaded);
    }
}
