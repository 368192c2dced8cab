using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Tests.CInputs;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Relocations;

/// <summary>
/// The relocation stage on Rust compiled here: each marker call becomes a CO-RE record (read back from
/// .BTF.ext), and each access that cannot be one is BPF7003 at the program's line. Each link runs in a
/// child process, as the build runs it: LLVM's BPF backend keeps its relocation globals in a table
/// that outlives a module, so a second link of the same access in one process would find a freed one.
/// </summary>
[TestClass]
public sealed class CoreAccessRewriteTests
{
    private string _scratch = "";

    [TestInitialize]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("aya-core-").FullName;

    [TestCleanup]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    private const string Types = """
        #[repr(C)] pub struct inner { pub a: u32, pub b: u64 }
        #[repr(C)] pub union either { pub word: u32, pub bytes: [u8; 4] }
        #[repr(C)] pub struct task { pub pad: [u8; 8], pub pid: i32, pub comm: [u8; 16], pub se: inner, pub slots: [inner; 4], pub choice: either }
        #[inline(always)] fn pid_of(t: *const task) -> i32 { unsafe { *core_field!(t, pid) } }
        #[inline(never)] fn vruntime_of(t: *const task) -> u64 { unsafe { *core_field!(t, se.b) } }
        """;

    private (bool Ok, string Log, string Output) LinkProgram(string body)
    {
        string bitcode = RustBitcode.Compile(_scratch, Types + "\n" + $$"""
            #[unsafe(no_mangle)]
            #[unsafe(link_section = "tracepoint/syscalls/sys_enter_getppid")]
            pub extern "C" fn program(ctx: *const u8) -> u64 {
                let t = ctx as *const task;
            {{body}}
            }
            """);
        string manifest = Path.Combine(_scratch, "link.json");
        new LinkManifest(["program", "LICENSE"], [bitcode]).Write(manifest);
        string output = Path.Combine(_scratch, "program.bpf.o");
        ProcessResult link = ChildProcess.Run(DotnetCli.Executable,
            [Path.Combine(AppContext.BaseDirectory, "Aya.Bpf.Linker.dll"), "link", "--llvm", ToolchainLlvm.EnsureLoaded(), "--manifest", manifest, "--rust-build", "host", "--output", output],
            TimeSpan.FromMinutes(2));
        return (link.Succeeded, link.Output, output);
    }

    [TestMethod]
    public void FieldsNestedMembersArraysAndUnions_BecomeRecordsWithTheirAccessStrings_InlinedOrNot()
    {
        var (ok, log, output) = LinkProgram("""
                unsafe {
                    pid_of(t) as u64 + vruntime_of(t) + *core_field!(t, comm[3]) as u64
                        + *core_field!(t, slots[2].a) as u64 + *core_field!(t, choice.word) as u64
                }
            """);

        Assert.IsTrue(ok, log);
        // task's members: pad 0, pid 1, comm 2, se 3, slots 4, choice 5; the leading 0 is the object itself.
        var records = Records(output);
        CollectionAssert.AreEquivalent(new[] { "0:1", "0:3:1", "0:2:3", "0:4:2:0", "0:5:0" }, records.Select(r => r.AccessString).ToArray());
        Assert.IsTrue(records.All(r => r.Kind == BtfCoreRelocationKind.FieldByteOffset));
    }

    [TestMethod]
    public void AnIndexKnownOnlyAtRunTime_IsBpf7003AtTheLineOfTheAccess()
    {
        var (ok, log, _) = LinkProgram("""
                let i = unsafe { *ctx } as usize & 3;
                unsafe { *core_field!(t, comm[i]) as u64 }
            """);

        Assert.IsFalse(ok, log);
        var error = Assert.ContainsSingle(log.Split('\n').Where(l => l.Contains("error BPF7003", StringComparison.Ordinal)));
        StringAssert.Contains(error, "not a constant");
        var source = Path.Combine(_scratch, "program.rs");
        var line = Array.FindIndex(File.ReadAllLines(source), text => text.Contains("comm[i]", StringComparison.Ordinal)) + 1;
        StringAssert.StartsWith(error, $"{source}({line},", "the line of core_field! in the program, not core_access.rs");
    }

    [TestMethod]
    public void TypeAndFieldInformation_BecomeTheirRelocationKinds()
    {
        var (ok, log, output) = LinkProgram("""
                (core_field_exists!(task, se.a) as u32 + core_field_size!(task, comm) + core_field_offset!(task, pid)
                    + core_type_size!(task) + core_type_exists!(inner) as u32) as u64
            """);

        Assert.IsTrue(ok, log);
        CollectionAssert.AreEquivalent(
            new[] { BtfCoreRelocationKind.FieldExists, BtfCoreRelocationKind.FieldByteSize, BtfCoreRelocationKind.FieldByteOffset, BtfCoreRelocationKind.TypeSize, BtfCoreRelocationKind.TypeExists },
            Records(output).Select(r => r.Kind).ToArray());
    }

    private static IReadOnlyList<BtfCoreRelocation> Records(string objectPath) =>
        [.. ObjectBtf.Read(objectPath).Ext.CoreRelocations.SelectMany(section => section.Records)];
}
