using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.License;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.License;

[TestClass]
public sealed class GplRestrictionsTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    private static readonly ProgramLicense None = new(null, "none declared");
    private static readonly ProgramLicense Gpl = new("GPL", "set by BpfLicense");
    private static readonly ProgramLicense Proprietary = new("Proprietary", "declared by LICENSE");

    // A program calling helper <id> (the way C and Rust call helpers: by number) at line 7 of
    // src/main.rs; the entry point is in <section>, and a second one in <otherSection> calls the
    // same function when given.
    private static string Program(int id, string section, string? otherSection = null) => $$"""
        target triple = "bpfel"
        define internal i64 @call_helper(ptr %p) !dbg !10 {
          %r = call i64 inttoptr (i64 {{id}} to ptr)(ptr %p, i32 8, ptr %p), !dbg !11
          ret i64 %r
        }
        define i32 @prog(ptr %ctx) section "{{section}}" !dbg !12 {
          %r = call i64 @call_helper(ptr %ctx), !dbg !13
          ret i32 0
        }
        {{(otherSection is null ? "" : $$"""
        define i32 @other(ptr %ctx) section "{{otherSection}}" {
          %r = call i64 @call_helper(ptr %ctx)
          ret i32 0
        }
        """)}}
        !llvm.module.flags = !{!0}
        !llvm.dbg.cu = !{!1}
        !0 = !{i32 2, !"Debug Info Version", i32 3}
        !1 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !2, producer: "rustc", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
        !2 = !DIFile(filename: "src/main.rs", directory: "/crate")
        !3 = !DISubroutineType(types: !{})
        !10 = distinct !DISubprogram(name: "call_helper", scope: !2, file: !2, line: 5, type: !3, spFlags: DISPFlagDefinition, unit: !1)
        !11 = !DILocation(line: 7, scope: !10)
        !12 = distinct !DISubprogram(name: "prog", scope: !2, file: !2, line: 20, type: !3, spFlags: DISPFlagDefinition, unit: !1)
        !13 = !DILocation(line: 21, scope: !12)
        """;

    [TestMethod]
    public void AGplOnlyHelperWithoutALicenseIsAnErrorAtItsCall()
    {
        var error = Assert.ContainsSingle(Check(Program(113, "kprobe"), None));

        Assert.AreEqual(DiagnosticCodes.GplRestricted, error.Code);
        Assert.AreEqual(("/crate/src/main.rs", 7), (error.File, error.Line));
        Assert.Contains("bpf_probe_read_kernel (helper 113) is GPL-only", error.Message);
        Assert.Contains("no license section", error.Message);
        Assert.Contains("'call_helper'", error.Message);
    }

    [TestMethod]
    public void AGplOnlyHelperUnderANonGplLicenseNamesTheLicense() =>
        Assert.Contains("'Proprietary' (declared by LICENSE) is not GPL-compatible", Assert.ContainsSingle(Check(Program(6, "xdp"), Proprietary)).Message);

    [TestMethod]
    public void AGplOnlyHelperUnderAGplLicenseIsFine() =>
        Assert.IsEmpty(Check(Program(113, "kprobe"), Gpl));

    /// <summary>bpf_ktime_get_ns and bpf_map_lookup_elem: any license may call them.</summary>
    [TestMethod]
    [DataRow(5)]
    [DataRow(1)]
    [DataRow(130)]
    public void AnyLicenseMayCallTheOtherHelpers(int id) =>
        Assert.IsEmpty(Check(Program(id, "kprobe"), None));

    /// <summary>bpf_get_stackid is GPL-only except in perf_event programs; bpf_get_func_ip except in multi-attach probes.</summary>
    [TestMethod]
    [DataRow(27, "perf_event", false)]
    [DataRow(27, "kprobe/do_sys_open", true)]
    [DataRow(27, "tracepoint/syscalls/sys_enter_getpid", true)]
    [DataRow(173, "kprobe.multi/vfs_*", false)]
    [DataRow(173, "uprobe.multi.s/lib:fn", false)]
    [DataRow(173, "kprobe/vfs_read", true)]
    [DataRow(173, "fentry/vfs_read", true)]
    public void SomeHelpersAreGplOnlyForSomeProgramTypes(int id, string section, bool refused) =>
        Assert.AreEqual(refused, Check(Program(id, section), None).Count == 1);

    [TestMethod]
    public void AFunctionTwoProgramTypesShareIsRefusedWhenOneOfThemMayNotCallTheHelper() =>
        Assert.HasCount(1, Check(Program(27, "perf_event", otherSection: "kprobe"), None));

    /// <summary>The kernel loads LSM and struct_ops programs only under a GPL-compatible license.</summary>
    [TestMethod]
    [DataRow("lsm/file_open", true)]
    [DataRow("lsm.s/bprm_check_security", true)]
    [DataRow("struct_ops/tcp_ca_init", true)]
    [DataRow("lsm_cgroup/socket_bind", true)]
    [DataRow("xdp", false)]
    public void ProgramTypesThatMustBeGplAreRefusedWithoutIt(string section, bool refused)
    {
        var errors = Check(Program(5, section), None);

        Assert.AreEqual(refused, errors.Any(e => e.Message.Contains($"is a '{section}' program", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.IsEmpty(Check(Program(5, section), Gpl));
    }

    private static IReadOnlyList<Diagnostic> Check(string ir, ProgramLicense license)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, ir);
        var log = new DiagnosticLog(TextWriter.Null);
        var passed = GplRestrictions.Check(context, module, license, log);
        var errors = log.Reported.Where(d => d.Severity == Severity.Error).ToList();
        Assert.AreEqual(errors.Count == 0, passed);
        return errors;
    }
}
