using Aya.Bpf.Tests.Support;
using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// A <c>BpfBitcode</c> input the link must refuse: each fails the build with its own coded MSBuild
/// error naming the input, and leaves no object behind.
/// </summary>
[TestClass]
public sealed class BadInputBitcodeTests
{
    [TestMethod]
    [TestCategory("Integration")]
    public void TruncatedBitcode_FailsWithBpf2003NamingIt()
    {
        // Cut at a word boundary, so only the missing end of the module gives it away.
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("broken.bc", TestBitcode.WithoutIdentification()[..^8]);

        BuildErrors.AssertReported(build.Result, "BPF2003", build.InputPath, "truncated");
        build.AssertWroteNoObject();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void TruncatedRlib_FailsWithBpf2003NamingIt()
    {
        byte[] member = TestBitcode.WithoutIdentification();
        byte[] rlib = GnuArchiveWriter.Write([("helper-cgu.0.rcgu.o", member)]);
        // The last member's header promises more bytes than the file still holds.
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("libhelper-0123456789abcdef.rlib", rlib[..^(member.Length / 2)]);

        BuildErrors.AssertReported(build.Result, "BPF2003", build.InputPath, "truncated");
        build.AssertWroteNoObject();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BitcodeFromNewerLlvm_FailsWithBpf2004NamingBothVersions()
    {
        Version linkingLlvm = Rustc.Require().LlvmVersion;
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("future.bc", TestBitcode.Module("LLVM99.1.0-rust-9.99.0-nightly"));

        BuildErrors.AssertReported(build.Result, "BPF2004", build.InputPath, "LLVM99.1.0", $"LLVM {linkingLlvm}");
        build.AssertWroteNoObject();
    }

    /// <summary>C compiled by clang for the machine (no -target bpf): refused, not compiled to BPF with x86's layout.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void BitcodeForX86_FailsWithBpf2023NamingIt()
    {
        string clang = RequiredTool.Clang14Path();
        using var source = new Tasks.TempDirectory();
        string c = source.Write("helper.c", "int helper(int x) { return x * 3; }\n");
        ProcessResult compiled = ChildProcess.Run(clang, ["--target=x86_64-pc-linux-gnu", "-O2", "-emit-llvm", "-c", c, "-o", source.Combine("helper.bc")], TimeSpan.FromMinutes(1));
        Assert.IsTrue(compiled.Succeeded, compiled.Output);

        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("helper-x86.bc", File.ReadAllBytes(source.Combine("helper.bc")));

        BuildErrors.AssertReported(build.Result, "BPF2023", build.InputPath, "x86_64-pc-linux-gnu", "not for BPF");
        build.AssertWroteNoObject();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void ObjectWithoutBitcode_FailsWithBpf2005NamingIt()
    {
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("plain.o", TestElf.WithoutBitcode());

        BuildErrors.AssertReported(build.Result, "BPF2005", build.InputPath);
        build.AssertWroteNoObject();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void CallWithSixArguments_FailsWithBpf2024AtTheCall()
    {
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("six.ll", LlvmIr.CallWithSixArguments);

        string error = BuildErrors.AssertReported(build.Result, "BPF2024", $"'{LlvmIr.SixArgumentsCaller}' calls 'six' with 6 arguments", "at most 5");
        BuildErrors.AssertAt(error, "src/six.rs", LlvmIr.SixArgumentsCallLine, build.Result);
        Assert.DoesNotContain("<unknown>", build.Result.Output, build.Result.Describe());
        Assert.HasCount(1, BuildErrors.Lines(build.Result, "BPF2024"), build.Result.Describe());
        build.AssertWroteNoObject();
    }

    /// <summary>LLVM's fatal "Branch target out of insn range" names no function; the error names it, at its line.</summary>
    [TestMethod]
    [TestCategory("Integration")]
    public void FunctionTooLargeForBpfJumps_FailsWithBpf2025AtTheFunction()
    {
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("huge.ll", LlvmIr.HugeFunction(40_000));

        string error = BuildErrors.AssertReported(build.Result, "BPF2025", "'xdp_huge'", "32767 instructions", "Split");
        BuildErrors.AssertAt(error, "src/huge.c", LlvmIr.HugeFunctionLine, build.Result);
        Assert.DoesNotContain("host intrinsic", error);
        Assert.IsEmpty(BuildErrors.Lines(build.Result, "BPF2008"), build.Result.Describe());
        build.AssertWroteNoObject();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void LlvmFatalError_FailsWithOneBpf2008AndTheBuildFinishes()
    {
        using ExtraBitcodeBuild build = ExtraBitcodeBuild.Run("fatal.ll", LlvmIr.GpuIntrinsic);
        BuildResult result = build.Result;

        // dotnet build's own failure exit, not a crashed build node.
        Assert.AreEqual(1, result.ExitCode, result.Describe());
        BuildErrors.AssertReported(result, "BPF2008", "Cannot select");
        // The linker's own report of LLVM's reason, and not the task's crash fallback as well.
        IReadOnlyList<string> fatalErrors = BuildErrors.Lines(result, "BPF2008");
        Assert.HasCount(1, fatalErrors, $"BPF2008 errors:{Environment.NewLine}{string.Join(Environment.NewLine, fatalErrors)}");
        Assert.Contains("Build FAILED.", result.Output, result.Describe());
        Assert.Contains("1 Error(s)", result.Output, result.Describe());
        build.AssertWroteNoObject();
    }
}
