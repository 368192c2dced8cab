namespace Aya.Bpf.Tests.Integration;

/// <summary>Checks shared by the tests of fixtures that must build into a loadable program.</summary>
internal static class BpfObjectAssertions
{
    /// <summary>A 64-byte zeroed Ethernet frame: XDP test runs need at least a 14-byte header.</summary>
    public static byte[] TestPacket() => new byte[64];

    /// <summary>The file exists and is an ELF object for the BPF machine.</summary>
    public static void IsBpfElfObject(string objectPath, BuildResult build)
    {
        Assert.IsTrue(File.Exists(objectPath), $"{objectPath} was not written. {build.Describe()}");
        Assert.IsTrue(ElfObjectHeader.HasElfMagic(objectPath), $"{objectPath} does not start with the ELF magic.");
        Assert.AreEqual(ElfObjectHeader.BpfMachine, ElfObjectHeader.Machine(objectPath), $"{objectPath} e_machine");
    }

    /// <summary>The build log shows every linker phase listed in <see cref="LinkerLogMarkers"/>.</summary>
    public static void ShowsLinkPhases(BuildResult build)
    {
        IReadOnlyList<string> missing = LinkerLogMarkers.MissingFrom(build.Output);
        Assert.IsEmpty(missing, $"The build log lacks [{string.Join(", ", missing)}]. {build.Describe()}");
    }

    /// <summary>
    /// bpftool loaded the object, a program of that name and type is in the kernel, libbpf
    /// reported no error on the way (not even one it carries on after, like rejected BTF), and
    /// the kernel accepted the object's BTF: no refusal in libbpf's log, and the program carries it.
    /// </summary>
    public static LoadedProgram LoadedCleanly(LoadResult load, string programName, string programType)
    {
        Assert.AreEqual(0, load.ExitCode, $"bpftool prog loadall failed. {load.Describe()}");
        Assert.IsEmpty(load.LibbpfErrorLines, $"libbpf reported errors. {load.Describe()}");
        Assert.IsEmpty(load.BtfRejectionLines, $"The kernel refused the object's BTF. {load.Describe()}");

        LoadedProgram? program = load.Program(programName);
        Assert.IsNotNull(program, $"No program named {programName} was loaded. {load.Describe()}");
        Assert.AreEqual(programType, program.Type, $"Type of {programName}. {load.Describe()}");
        Assert.IsNotNull(program.BtfId, $"{programName} was loaded without BTF (bpftool prog show has no btf_id). {load.Describe()}");
        Assert.IsGreaterThan(0, program.BtfId.Value, $"btf_id of {programName}. {load.Describe()}");
        return program;
    }

    /// <summary>
    /// The object's maps are all BTF-defined: it has the section <c>.maps</c> and no legacy <c>maps</c>
    /// section, which libbpf 1.x refuses.
    /// </summary>
    public static void HoldsMapsInDotMapsOnly(string objectPath, BuildResult build)
    {
        IReadOnlyList<string> sections = ElfObjectHeader.SectionNames(objectPath);
        string context = $"sections of {objectPath}: [{string.Join(", ", sections)}]. {build.Describe()}";
        Assert.Contains(".maps", sections, context);
        Assert.IsFalse(sections.Any(section => section == "maps" || section.StartsWith("maps/", StringComparison.Ordinal)), context);
    }

    /// <summary>
    /// Fails the test if the failed build left <c>&lt;folder&gt;/{bin,obj}/Release/&lt;project&gt;.bpf.o</c>
    /// in <paramref name="workspace"/>: in bin/ it would pass for a build product, under obj/ the
    /// next build would take it as an up-to-date link and copy it out.
    /// </summary>
    public static void WroteNoObject(FixtureWorkspace workspace, string projectFolder, string projectName, BuildResult build)
    {
        foreach (string folder in (string[])["bin/Release", "obj/Release"])
        {
            string path = workspace.PathOf($"{projectFolder}/{folder}/{projectName}.bpf.o");
            Assert.IsFalse(File.Exists(path), $"The failed build wrote {path}. {build.Describe()}");
        }
    }
}
