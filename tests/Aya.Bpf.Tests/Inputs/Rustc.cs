using System.Diagnostics;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>
/// The rustc on PATH, for tests that need real bitcode. Missing rustc makes such a test inconclusive
/// on a developer machine but fails it in CI (CI=true), where the toolchain must be present.
/// </summary>
internal sealed class Rustc
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private Rustc(string path, Version llvmVersion, string host)
    {
        Path = path;
        LlvmVersion = llvmVersion;
        Host = host;
    }

    public string Path { get; }

    /// <summary>The "LLVM version:" line of <c>rustc -vV</c>.</summary>
    public Version LlvmVersion { get; }

    public string Host { get; }

    public static Rustc Require()
    {
        var path = Integration.ChildProcess.FindOnPath("rustc")
            ?? Integration.RequiredTool.Missing("rustc", "install Rust with rustup");
        var info = Run(path, Environment.CurrentDirectory, "-vV");
        return new Rustc(path, Version.Parse(Field(info, "LLVM version:")), Field(info, "host:"));
    }

    /// <summary>Runs rustc with the nightly feature gates open (the fixtures are no_core crates).</summary>
    public void Compile(string workingDirectory, params string[] arguments) => Run(Path, workingDirectory, arguments);

    /// <summary>The toolchain's root folder (<c>rustc --print sysroot</c>).</summary>
    public string Sysroot() => Run(Path, Environment.CurrentDirectory, "--print", "sysroot").Trim();

    /// <summary>The host's libcore rlib from rustc's sysroot: its members embed bitcode in .llvmbc.</summary>
    public string HostLibcore()
    {
        var libDirectory = System.IO.Path.Combine(Sysroot(), "lib", "rustlib", Host, "lib");
        var libcore = Directory.Exists(libDirectory) ? Directory.GetFiles(libDirectory, "libcore-*.rlib") : [];
        Assert.IsNotEmpty(libcore, $"no libcore rlib in {libDirectory}");
        return libcore[0];
    }

    private static string Field(string info, string prefix)
    {
        var line = info.Split('\n').Select(candidate => candidate.Trim()).FirstOrDefault(candidate => candidate.StartsWith(prefix, StringComparison.Ordinal));
        Assert.IsNotNull(line, $"rustc -vV printed no '{prefix}' line:\n{info}");
        return line[prefix.Length..].Trim();
    }

    private static string Run(string path, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(path, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RUSTC_BOOTSTRAP"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"rustc {string.Join(' ', arguments)} did not finish within {s_timeout}");
        }

        Assert.AreEqual(0, process.ExitCode, $"rustc {string.Join(' ', arguments)} failed:\n{standardError.Result}");
        return standardOutput;
    }
}
