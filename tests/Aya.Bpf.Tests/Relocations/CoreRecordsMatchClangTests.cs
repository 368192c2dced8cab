using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// tests/fixtures/core-access reads task_struct and a shuffled xdp_md through the SDK's CO-RE macros;
/// core-access/c/core-access.c makes the same accesses the way libbpf programs do, for clang-14. Section by
/// section, the Rust object's CO-RE records are clang's: the same kinds on the same local types along the
/// same members. Member indexes are compared only for the local types both sources declare alike: the
/// Rust bindings of task_struct add padding, bitfield and anonymous members the kernel's type has not,
/// so their indexes differ from vmlinux.h's while the names along the access agree.
/// </summary>
[TestClass]
public sealed class CoreRecordsMatchClangTests
{
    private const string Project = "core-access/core-access.bpfproj";
    private const string RustObject = "core-access/bin/Release/core-access.bpf.o";
    private const string CSource = "core-access/c/core-access.c";
    private const string Whoami = "tracepoint/syscalls/sys_enter_getppid";
    private const string Lengths = "xdp";

    // Declared member for member alike in main.rs and core-access.c, so the raw access strings must agree too.
    private static readonly HashSet<string> AlikeTypes = ["task_struct___missing", "xdp_md___shuffled"];

    // What clang makes of the C, which the comparison rests on: had the C lost an access, both sides could agree on too little.
    private static readonly string[] ClangsWhoami =
    [
        "FieldByteOffset task_struct.comm",
        "FieldByteOffset task_struct.pid",
        "FieldByteOffset task_struct.tgid",
        "FieldByteSize task_struct.comm",
        "FieldExists task_struct___missing.no_such_member (0:1)",
        "FieldExists task_struct___missing.pid (0:0)",
        "TypeSize task_struct",
    ];

    private static readonly string[] ClangsLengths =
    [
        "FieldByteOffset xdp_md___shuffled.data (0:3)",
        "FieldByteOffset xdp_md___shuffled.data_end (0:4)",
    ];

    private static readonly FixtureBuild Fixture = new(Project);

    private static readonly Lazy<ClangCoreAccessObject> Clang =
        new(() => ClangCoreAccessObject.Compile(Fixture.Workspace.PathOf(CSource), RequiredTool.KernelBtf()));

    private static (string, CoreRecords) Rust => ("Rust (core-access.bpf.o)", CoreRecords.Read(Fixture.Workspace.PathOf(RustObject), AlikeTypes));

    private static (string, CoreRecords) C => ("clang-14 (core-access.c)", CoreRecords.Read(Clang.Value.ObjectPath, AlikeTypes));

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Clang.IsValueCreated)
        {
            Clang.Value.Dispose();
        }

        Fixture.Dispose();
    }

    [TestMethod]
    [TestCategory("Integration")]
    [DataRow(Whoami)]
    [DataRow(Lengths)]
    public void CoreRecordsOfAProgram_AreClangsRecordForRecord(string section)
    {
        RequireBothObjects();

        if (CoreRecords.Difference(section, Rust, C) is string difference)
        {
            Assert.Fail(difference);
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void CoreRecords_AreInTheSameSections()
    {
        RequireBothObjects();
        (string rustName, CoreRecords rust) = Rust;
        (string clangName, CoreRecords clang) = C;

        CollectionAssert.AreEqual(
            clang.Sections.ToArray(),
            rust.Sections.ToArray(),
            $"{rustName}: {string.Join(", ", rust.Sections)}; {clangName}: {string.Join(", ", clang.Sections)}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void ClangsRecords_AreEveryAccessOfTheFixture()
    {
        RequireBothObjects();
        (_, CoreRecords clang) = C;

        CollectionAssert.AreEqual(ClangsWhoami, clang.Of(Whoami).ToArray(), string.Join("; ", clang.Of(Whoami)));
        CollectionAssert.AreEqual(ClangsLengths, clang.Of(Lengths).ToArray(), string.Join("; ", clang.Of(Lengths)));
    }

    // The Rust build reads the running kernel's BTF, and so does the C, through vmlinux.h.
    private static void RequireBothObjects()
    {
        RequiredTool.CargoPath();
        _ = RequiredTool.KernelBtf();
        RequiredTool.Clang14Path();
        RequiredTool.BpftoolPath();
        Fixture.Succeeded();
    }
}
