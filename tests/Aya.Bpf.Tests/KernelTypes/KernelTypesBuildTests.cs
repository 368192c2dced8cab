using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Runtime;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.KernelTypes;

/// <summary>
/// tests/fixtures/kernel-types asks for xdp_md and task_struct (BpfKernelType items): the build writes
/// their Rust bindings from the running kernel's BTF, and the program, which includes them, reads its
/// context through the kernel's own xdp_md. A static of bpf_sock_tuple puts a binding with an
/// anonymous member in the object's BTF.
/// </summary>
[TestClass]
public sealed class KernelTypesBuildTests
{
    private const string Project = "kernel-types/kernel-types.bpfproj";
    private const string Bindings = "kernel-types/obj/Release/kernel-types/vmlinux.rs";
    private static readonly FixtureBuild Fixture = new(Project);

    private static string Vmlinux => RequiredTool.KernelBtf();

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Kernel")]
    public void Program_ReadsItsContextThroughTheKernelsXdpMd_AndTaskStructHasTheKernelsLayout()
    {
        RequiredTool.ForKernelLoad();
        RequireBuild();
        using BpfObject bpf = BpfObject.Open(Fixture.Workspace.PathOf("kernel-types/bin/Release/kernel-types.bpf.o"));
        using BpfGlobalSection rodata = BpfGlobalSection.Of(bpf, ".rodata");
        bpf.Load();

        Assert.AreEqual(64u, bpf.Program("kernel_types").TestRun(new byte[64]).ReturnValue, "data_end - data of a 64-byte packet");
        Assert.AreEqual(96u, bpf.Program("kernel_types").TestRun(new byte[96]).ReturnValue);
        Assert.AreEqual(KernelCommOffset(), rodata.Read<ulong>(0), "offset_of!(task_struct, comm) in the bindings, against the kernel's BTF");
    }

    [TestMethod]
    public void Bindings_AreAModuleOfTheKernelsTypes_RewrittenOnlyWhenTheyChange()
    {
        RequireBuild();
        string bindings = Fixture.Workspace.PathOf(Bindings);
        StringAssert.Contains(File.ReadAllText(bindings), "pub struct task_struct {");
        StringAssert.Contains(File.ReadAllText(bindings), "pub struct xdp_md {");
        DateTime written = File.GetLastWriteTimeUtc(bindings);

        BuildResult again = Fixture.Workspace.Build(Project);

        Assert.IsTrue(again.Succeeded, again.Describe());
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(bindings), "the same kernel and types: the bindings are not rewritten, so cargo has nothing to rebuild");
    }

    [TestMethod]
    public void TheBindingsAnonMember_IsAnonymousInTheObjectsBtf_AsInTheKernels()
    {
        RequireBuild();
        StringAssert.Contains(File.ReadAllText(Fixture.Workspace.PathOf(Bindings)), "pub __anon_0: bpf_sock_tuple__anon_0,");
        var elf = File.ReadAllBytes(Fixture.Workspace.PathOf("kernel-types/bin/Release/kernel-types.bpf.o"));
        Assert.IsTrue(BtfSections.TryExtract(elf, out var raw, out _) && raw is not null, "the object has no .BTF");
        Assert.IsTrue(BtfReader.TryRead(raw, out var btf, out var error), $"{error}");

        var tuple = btf!.Types.OfType<BtfCompositeType>().Single(t => t.Name == "bpf_sock_tuple");
        var member = Assert.ContainsSingle(tuple.Members);
        Assert.AreEqual(0u, member.NameOffset, "libbpf looks through the kernel's anonymous union only for an anonymous local member");
        var union = (BtfCompositeType)btf.TypeById(member.Type)!;
        CollectionAssert.AreEqual(new[] { "ipv4", "ipv6" }, union.Members.Select(m => m.Name).ToArray());
    }

    [TestMethod]
    public void ATypeTheKernelLacks_IsBpf7002AtTheProject()
    {
        RequireBuild();

        BuildResult build = Fixture.Workspace.Build(Project, "-p:ExtraKernelType=no_such_kernel_type");

        Assert.IsFalse(build.Succeeded, build.Describe());
        string reported = BuildErrors.AssertReported(build, "BPF7002", "no_such_kernel_type", Vmlinux);
        StringAssert.Contains(reported, "has no type 'no_such_kernel_type' (BpfKernelType)");
        Assert.DoesNotContain("MSB3073", build.Output, "one coded error, no generic exit-code error beside it");
    }

    [TestMethod]
    public void AKernelBtfThatIsNotThere_IsBpf7001()
    {
        RequireBuild();

        BuildResult build = Fixture.Workspace.Build(Project, "-p:BpfKernelBtf=/nonexistent/vmlinux");

        Assert.IsFalse(build.Succeeded, build.Describe());
        StringAssert.Contains(BuildErrors.AssertReported(build, "BPF7001", "/nonexistent/vmlinux"), "no such file");
    }

    // The fixture's build reads the running kernel's BTF: without it (or cargo) the build cannot show anything.
    private static void RequireBuild()
    {
        RequiredTool.CargoPath();
        _ = RequiredTool.KernelBtf();
        Fixture.Succeeded();
    }

    private static ulong KernelCommOffset() =>
        RunningKernelTypes.Composite("task_struct").Members.Single(m => m.Name == "comm").BitOffset / 8;
}
