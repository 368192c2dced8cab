using Aya.Bpf.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tests.Tasks;

/// <summary>Runs the task against stand-in linkers: shell scripts run by /bin/sh in place of dotnet.</summary>
[TestClass]
public sealed class BpfLinkTests
{
    private readonly TempDirectory _directory = new();

    [TestCleanup]
    public void DeleteDirectory() => _directory.Dispose();

    [TestMethod]
    public void ReportsAnLlvmAbortAsALinkerCrashWithLlvmsMessage()
    {
        var (task, engine, _) = Linker("""
            echo "Linking 2 bitcode modules from 2 inputs with LLVM 22.1.2:"
            echo "LLVM ERROR: Inline asm not supported by this streamer because we don't have an asm parser for this target" >&2
            kill -ABRT $$
            """);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(134, task.ExitCode);
        var error = engine.Errors.Single(e => e.Code == "BPF2008");
        Assert.Contains("the linker crashed (LLVM fatal error, exit code 134)", error.Message!);
        Assert.Contains("LLVM ERROR: Inline asm not supported", error.Message!);
        Assert.Contains("build node is unaffected", error.Message!);
    }

    /// <summary>Killed mid-write (the out-of-memory killer's SIGKILL): said so, with what to do, and its temporary object removed.</summary>
    [TestMethod]
    public void AKilledLinker_IsSaidToBeKilled_AndLeavesNoTemporaryObject()
    {
        var (task, engine, directory) = Linker("""
            mkdir -p "$(dirname "$0")/obj"
            echo "half an object" > "$(dirname "$0")/obj/.p.bpf.o.4242.tmp"
            kill -KILL $$
            """);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(137, task.ExitCode);
        var error = engine.Errors.Single(e => e.Code == "BPF2008");
        Assert.Contains("the linker was killed (exit code 137, SIGKILL: most often the kernel's out-of-memory killer)", error.Message!);
        Assert.Contains("with more memory free", error.Message!);
        Assert.DoesNotContain("LLVM fatal error", error.Message!);
        Assert.IsEmpty(Directory.GetFiles(directory.Combine("obj"), "*.tmp"));
    }

    [TestMethod]
    public void TurnsTheLinkersCanonicalLinesIntoErrorsAndWarnings()
    {
        var (task, engine, _) = Linker("""
            echo "Linking 1 bitcode modules"
            echo "/p/src/main.rs(12,5) : warning BPF2013: loop not unrolled"
            echo "Aya.Bpf.Linker : error BPF2003: /p/obj/x.rlib is not an ar archive"
            exit 1
            """);

        Assert.IsFalse(task.Execute(), engine.Log);

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF2003", error.Code);
        Assert.AreEqual("/p/obj/x.rlib is not an ar archive", error.Message);
        var warning = engine.Warnings.Single();
        Assert.AreEqual(("BPF2013", "/p/src/main.rs", 12, 5), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.IsTrue(engine.Messages.Any(m => m.Message == "Linking 1 bitcode modules" && m.Importance == MessageImportance.Normal), engine.Log);
    }

    /// <summary>A successful link's warnings are written down for ReplayLinkWarnings, which reports them in this and every later build.</summary>
    [TestMethod]
    public void ASuccessfulLinksWarnings_AreWrittenForTheReplay_NotLoggedTwice()
    {
        var (task, engine, directory) = Linker("""
            echo "/p/src/main.rs(12,5) : warning BPF2017: the program can panic here"
            echo "progress: optimise..."
            exit 0
            """);

        Assert.IsTrue(task.Execute(), engine.Log);

        Assert.IsEmpty(engine.Warnings, engine.Log);
        CollectionAssert.AreEqual(new[] { "/p/src/main.rs(12,5) : warning BPF2017: the program can panic here" }, File.ReadAllLines(directory.Combine("obj", "p.bpf.o.warnings")));
        Assert.IsTrue(engine.Messages.Any(m => m.Message == "p.bpf.o: optimise..." && m.Importance == MessageImportance.High), engine.Log);
    }

    [TestMethod]
    public void ReportsAFailureTheLinkerDidNotExplain()
    {
        var (task, engine, _) = Linker("echo 'half a line'; exit 3");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("BPF2008", error.Code);
        Assert.Contains("failed with exit code 3 without reporting an error: half a line", error.Message!);
    }

    [TestMethod]
    public void PassesTheLinkThroughAResponseFile()
    {
        var (task, engine, directory) = Linker("""printf '%s\n' "$@" > "$(dirname "$0")/arguments.txt" """);
        task.Bitcode = [new TaskItem(directory.Combine("helper.bc"))];
        task.CpuFeatures = "+alu32";

        Assert.IsTrue(task.Execute(), engine.Log);

        var responseFile = directory.Combine("obj", "link.rsp");
        CollectionAssert.AreEqual(new[] { "link", "@" + responseFile }, File.ReadAllLines(directory.Combine("arguments.txt")));
        CollectionAssert.AreEqual(
            new[]
            {
                "--llvm", "/sysroot/lib/libLLVM.so.22.1", "--manifest", directory.Combine("obj", "link.json"),
                "--input", directory.Combine("helper.bc"), "--target", "bpfeb", "--cpu", "v2", "--cpu-features", "+alu32",
                "-O", "3", "--output", directory.Combine("obj", "p.bpf.o"),
            },
            File.ReadAllLines(responseFile));
    }

    [TestMethod]
    public void PassesTheKernelBaseline()
    {
        var (task, engine, directory) = Linker("exit 0");
        task.KernelBaseline = " 5.15 ";

        Assert.IsTrue(task.Execute(), engine.Log);

        var lines = File.ReadAllLines(directory.Combine("obj", "link.rsp")).ToList();
        Assert.AreEqual("5.15", lines[lines.IndexOf("--kernel-baseline") + 1]);
    }

    [TestMethod]
    public void LeavesTheKernelBaselineToTheLinkerWhenEmpty()
    {
        var (task, engine, directory) = Linker("exit 0");
        task.KernelBaseline = "";

        Assert.IsTrue(task.Execute(), engine.Log);

        CollectionAssert.DoesNotContain(File.ReadAllLines(directory.Combine("obj", "link.rsp")), "--kernel-baseline");
    }

    [TestMethod]
    public void PassesTheLicenseOnALineOfItsOwn_OnlyWhenSet()
    {
        var (task, engine, directory) = Linker("exit 0");
        task.License = " Dual MIT/GPL ";

        Assert.IsTrue(task.Execute(), engine.Log);

        var lines = File.ReadAllLines(directory.Combine("obj", "link.rsp")).ToList();
        Assert.AreEqual("Dual MIT/GPL", lines[lines.IndexOf("--license") + 1]);
        task.License = "";
        Assert.IsTrue(task.Execute(), engine.Log);
        CollectionAssert.DoesNotContain(File.ReadAllLines(directory.Combine("obj", "link.rsp")), "--license");
    }

    /// <summary>libbpf passes at most 63 characters of a license; a control character cannot be on one line of the response file.</summary>
    [TestMethod]
    [DataRow("GPL\nMIT", "control character")]
    [DataRow("", "longer than the 63 characters")]
    public void RefusesALicenseLibbpfCannotPassOn(string value, string problem)
    {
        var (task, engine, directory) = Linker("""touch "$(dirname "$0")/linker-ran" """);
        task.License = value.Length == 0 ? new string('x', 64) : value;
        task.ProjectFile = "/p/p.bpfproj";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("BPF1010", "/p/p.bpfproj"), (error.Code, error.File));
        Assert.Contains(problem, error.Message!);
        Assert.IsFalse(File.Exists(directory.Combine("linker-ran")));
    }

    [TestMethod]
    [DataRow("6", "is not a kernel version: use major.minor or major.minor.patch")]
    [DataRow("latest", "is not a kernel version")]
    [DataRow("6.1.0.0", "is not a kernel version")]
    [DataRow("3.10", "is older than the first kernel with BTF (4.18)")]
    public void RefusesAKernelBaselineThatIsNotAVersionWithoutRunningTheLinker(string value, string problem)
    {
        var (task, engine, directory) = Linker("""touch "$(dirname "$0")/linker-ran" """);
        task.KernelBaseline = value;
        task.ProjectFile = "/p/p.bpfproj";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("BPF1008", "/p/p.bpfproj"), (error.Code, error.File));
        Assert.Contains($"BpfKernelBaseline '{value}' {problem}", error.Message!);
        Assert.IsFalse(File.Exists(directory.Combine("linker-ran")));
        Assert.IsFalse(File.Exists(directory.Combine("obj", "link.rsp")));
    }

    private (BpfLink Task, RecordingBuildEngine Engine, TempDirectory Directory) Linker(string script)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("the stand-in linkers are POSIX shell scripts");
        var directory = _directory;
        var engine = new RecordingBuildEngine();
        var task = new BpfLink
        {
            BuildEngine = engine,
            DotnetHostPath = "/bin/sh",
            LinkerAssembly = directory.WriteScript("linker.sh", script),
            LlvmLibraryPath = "/sysroot/lib/libLLVM.so.22.1",
            LinkManifest = directory.Combine("obj", "link.json"),
            Target = "bpfeb",
            Cpu = "v2",
            OptimizationLevel = "3",
            OutputFile = directory.Combine("obj", "p.bpf.o"),
            ResponseFile = directory.Combine("obj", "link.rsp"),
            WarningsFile = directory.Combine("obj", "p.bpf.o.warnings"),
        };
        return (task, engine, directory);
    }
}
