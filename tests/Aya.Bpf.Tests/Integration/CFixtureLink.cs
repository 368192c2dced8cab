using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// One C fixture of tests/fixtures/c-inputs compiled by clang-14 twice, as a user would: to bitcode
/// (<c>-O2 -g -emit-llvm</c>), which the linker then links on its own, in a child process as the build
/// runs it, and to an object (clang's own, the reference the linked object is held to). A test class
/// makes one in its ClassInitialize and shares it.
/// </summary>
internal sealed class CFixtureLink : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private readonly string _directory;

    private CFixtureLink(string directory, string name, ProcessResult link)
    {
        _directory = directory;
        Name = name;
        Link = link;
    }

    /// <summary>The fixture's name: its file name without <c>.c</c>.</summary>
    public string Name { get; }

    /// <summary>What the linker printed and how it ended.</summary>
    public ProcessResult Link { get; }

    /// <summary>The object clang-14 made of the C source by itself.</summary>
    public string ClangObject => Path.Combine(_directory, $"{Name}.clang.o");

    /// <summary>The object the linker made of clang's bitcode.</summary>
    public string LinkedObject => Path.Combine(_directory, $"{Name}.bpf.o");

    /// <summary>The bitcode clang made, the linker's input.</summary>
    public string Bitcode => Path.Combine(_directory, $"{Name}.bc");

    /// <summary>Compiles <c>tests/fixtures/c-inputs/NAME.c</c> both ways and links the bitcode.</summary>
    public static CFixtureLink Build(string name, params string[] linkerArguments)
    {
        string clang = RequiredTool.Clang14Path();
        string llvm = ToolchainLlvm.EnsureLoaded();
        string directory = Directory.CreateTempSubdirectory($"aya-c-{name}-").FullName;
        try
        {
            string source = RepositoryRoot.Combine("tests", "fixtures", "c-inputs", $"{name}.c");
            string bitcode = Path.Combine(directory, $"{name}.bc");
            Compile(clang, source, ["-emit-llvm", "-o", bitcode]);
            Compile(clang, source, ["-o", Path.Combine(directory, $"{name}.clang.o")]);
            string linker = Path.Combine(AppContext.BaseDirectory, "Aya.Bpf.Linker.dll");
            ProcessResult link = ChildProcess.Run(
                DotnetCli.Executable,
                [linker, "link", "--llvm", llvm, "--output", Path.Combine(directory, $"{name}.bpf.o"), "--input", bitcode, .. linkerArguments],
                ToolTimeout);
            return new CFixtureLink(directory, name, link);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Fails the test unless the link succeeded without a warning or error and wrote the object.</summary>
    public void AssertLinkedCleanly()
    {
        Assert.IsTrue(Link.Succeeded && File.Exists(LinkedObject), $"linking {Name}.bc failed (exit {Link.ExitCode}):{Environment.NewLine}{Link.Output}");
        string[] reported = [.. Link.Output.Split('\n').Where(line => line.Contains(": warning BPF", StringComparison.Ordinal) || line.Contains(": error BPF", StringComparison.Ordinal))];
        Assert.IsEmpty(reported, $"the link of {Name}.bc reported:{Environment.NewLine}{string.Join(Environment.NewLine, reported)}");
    }

    /// <summary>
    /// Loads <paramref name="objectPath"/> with every program through libbpf into the verifier; fails unless
    /// all of <paramref name="programs"/> loaded and the kernel took the BTF.
    /// </summary>
    public static LoadedObject LoadWithBtf(string objectPath, params string[] programs)
    {
        RequiredTool.BpftoolPath();
        RequiredTool.BpfPrivileges();
        LoadedObject loaded = LoadedObject.Load(objectPath, pinMaps: false);
        try
        {
            Assert.AreEqual(0, loaded.Result.ExitCode, $"{objectPath}: {loaded.Result.Describe()}");
            Assert.IsEmpty(loaded.Result.BtfRejectionLines, $"{objectPath}: the kernel refused the BTF. {loaded.Result.Describe()}");
            CollectionAssert.AreEquivalent(programs, loaded.Result.Programs.Select(p => p.Name).ToArray(), loaded.Result.Describe());
            Assert.IsTrue(loaded.Result.Programs.All(p => p.BtfId is not null), loaded.Result.Describe());
            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>`clang-14 -target bpf -O2 -g -c SOURCE ARGUMENTS`, as the C fixtures are compiled; fails the test with clang's output unless it succeeded.</summary>
    internal static void Compile(string clang, string source, string[] output)
    {
        ProcessResult compile = ChildProcess.Run(clang, ["-target", "bpf", "-O2", "-g", "-c", source, .. output], ToolTimeout);
        Assert.IsTrue(compile.Succeeded, $"clang-14 failed on {source} (exit {compile.ExitCode}):{Environment.NewLine}{compile.Output}");
    }
}
