namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// Checks for what integration tests need from the machine. A missing tool fails the test in CI,
/// where .ci/run installs everything, and marks it inconclusive on a developer's machine.
/// </summary>
internal static class RequiredTool
{
    /// <summary>bpftool, resolved to a full path (it lives in /usr/sbin, often not on a user's PATH).</summary>
    public static string BpftoolPath() =>
        ChildProcess.FindOnPath("bpftool")
        ?? Missing("bpftool", "apt-get install -y bpftool libbpf-dev");

    /// <summary>clang-14, which compiles the c-helper fixture's C code to BPF bitcode.</summary>
    public static string Clang14Path() =>
        ChildProcess.FindOnPath("clang-14")
        ?? Missing("clang-14", "apt-get install -y clang-14");

    /// <summary>The running kernel's BTF, which BpfKernelType items are read from by default.</summary>
    public static string KernelBtf() =>
        File.Exists("/sys/kernel/btf/vmlinux") ? "/sys/kernel/btf/vmlinux"
        : Missing("the running kernel's BTF (/sys/kernel/btf/vmlinux)", "run on a kernel built with CONFIG_DEBUG_INFO_BTF");

    /// <summary>cargo, which the SDK runs to compile the Rust crates.</summary>
    public static string CargoPath() =>
        ChildProcess.FindOnPath("cargo")
        ?? FindInCargoHome()
        ?? Missing("cargo", "install Rust with rustup (stable toolchain)");

    /// <summary>
    /// rustup's nightly toolchain, for builds that pin it (another LLVM, a cargo that reads [unstable]
    /// config); returns its rustc release (e.g. 1.97.0-nightly), as the build log names it.
    /// </summary>
    public static string NightlyToolchain()
    {
        string rustup = Path.Combine(Path.GetDirectoryName(CargoPath())!, "rustup");
        ProcessResult nightly = ChildProcess.Run(rustup, ["run", "nightly", "rustc", "-V"], TimeSpan.FromMinutes(1));
        if (!nightly.Succeeded)
            Missing($"the nightly Rust toolchain ({rustup} run nightly rustc -V: {nightly.Output.Trim()})", "rustup toolchain install nightly");
        // "rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"
        string[] words = nightly.StandardOutput.Trim().Split(' ');
        Assert.IsTrue(words is ["rustc", _, ..], $"rustc -V printed '{nightly.StandardOutput.Trim()}'");
        return words[1];
    }

    /// <summary>Root, which loading programs into the kernel and mounting bpffs take.</summary>
    public static void BpfPrivileges()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Missing("root privileges for BPF", "run the tests as root (CAP_BPF and CAP_SYS_ADMIN)");
        }
    }

    /// <summary>Everything the kernel-load tests need: cargo to build, bpftool and root to load.</summary>
    public static void ForKernelLoad()
    {
        CargoPath();
        BpftoolPath();
        BpfPrivileges();
    }

    // CI systems set CI to true, 1, or their own name: any value at all means CI.
    internal static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static string? FindInCargoHome()
    {
        string cargoHome = Environment.GetEnvironmentVariable("CARGO_HOME")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cargo");
        string cargo = Path.Combine(cargoHome, "bin", "cargo");
        return File.Exists(cargo) ? cargo : null;
    }

    /// <summary>
    /// A machine on which the test cannot show what it is for (e.g. rust-src installed, where the
    /// failure it provokes cannot happen): inconclusive on a developer's machine, a failure in CI,
    /// whose machine is known to fit.
    /// </summary>
    internal static void Unfit(string why)
    {
        if (InCi)
            Assert.Fail($"CI's machine should fit this test, but {why}");
        Assert.Inconclusive($"skipped outside CI: {why}");
    }

    internal static string Missing(string what, string howToInstall)
    {
        if (InCi)
        {
            Assert.Fail($"{what} missing in CI (.ci/run should have provided it): {howToInstall}");
        }
        else
        {
            Assert.Inconclusive($"skipped outside CI: {what} missing: {howToInstall}");
        }

        // Both asserts throw; this keeps the compiler satisfied.
        throw new InvalidOperationException(what);
    }
}
