namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// BpfTarget=bpfeb (the kernels of s390x and other big-endian machines): the object is big-endian
/// throughout, its ELF header and its BTF, and libbpf reads the BTF back. This kernel is
/// little-endian, so the object is checked, not loaded.
/// </summary>
[TestClass]
public sealed class BigEndianObjectTests
{
    private const string Project = "xdp-pass/xdp-pass.bpfproj";
    private const string Object = "xdp-pass/bin/Release/xdp-pass.bpf.o";

    // ELF's EI_DATA: 2 is ELFDATA2MSB. BTF's header starts with the magic 0xeB9F and version 1.
    private const int ElfDataOffset = 5;
    private const byte ElfDataBigEndian = 2;
    private static readonly byte[] BigEndianBtfHeader = [0xEB, 0x9F, 0x01, 0x00];
    private static readonly byte[] LittleEndianBtfHeader = [0x9F, 0xEB, 0x01, 0x00];

    private static readonly FixtureBuild Build = new(Project, "-p:BpfTarget=bpfeb");

    [ClassCleanup]
    public static void Cleanup() => Build.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void TheObject_IsBigEndian_ItsHeaderAndItsBtf()
    {
        RequiredTool.CargoPath();
        BuildResult build = Build.Result();
        Assert.IsTrue(build.Succeeded, build.Describe());
        byte[] bytes = File.ReadAllBytes(Build.Workspace.PathOf(Object));

        Assert.AreEqual(ElfDataBigEndian, bytes[ElfDataOffset], "EI_DATA");
        Assert.AreEqual(ElfObjectHeader.BpfMachine, (ushort)((bytes[18] << 8) | bytes[19]), "e_machine, read big-endian");
        Assert.IsGreaterThanOrEqualTo(0, bytes.AsSpan().IndexOf(BigEndianBtfHeader), "a big-endian BTF header");
        Assert.AreEqual(-1, bytes.AsSpan().IndexOf(LittleEndianBtfHeader), "no little-endian BTF header");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void LibbpfReadsItsBtf_WithTheProgramsFunction()
    {
        RequiredTool.CargoPath();
        RequiredTool.BpftoolPath();
        Assert.IsTrue(Build.Result().Succeeded, Build.Result().Describe());

        ProcessResult dump = ChildProcess.Run(RequiredTool.BpftoolPath(), ["btf", "dump", "file", Build.Workspace.PathOf(Object)], TimeSpan.FromMinutes(1));

        Assert.IsTrue(dump.Succeeded, dump.Output);
        StringAssert.Contains(dump.StandardOutput, "FUNC 'xdp_pass'");
    }
}
