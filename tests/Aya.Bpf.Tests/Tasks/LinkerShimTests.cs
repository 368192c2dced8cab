using System.Diagnostics;
using Aya.Bpf.Tasks;
using Aya.Bpf.Tasks.Link;

namespace Aya.Bpf.Tests.Tasks;

[TestClass]
public sealed class LinkerShimTests
{
    [TestMethod]
    public void HandsRustcsArgumentsToCaptureUnchanged()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("runs the POSIX shell shim");
        using var directory = new TempDirectory();
        // A stand-in for dotnet that prints each argument it gets on a line of its own.
        var echo = directory.WriteScript("bin dir/it's dotnet", "printf '%s\\n' \"$@\"");
        var shim = directory.WriteExecutable("rustc-linker", LinkerShim.Content(echo, "/pkg/linker/Aya.Bpf.Linker.dll", "/p/obj/link/link.json", windows: false));

        var lines = Run(shim, "--export-symbols", "/tmp/rustc x/symbols", "-o", "/t/$HOME`x`");

        CollectionAssert.AreEqual(
            new[] { "/pkg/linker/Aya.Bpf.Linker.dll", "capture", "/p/obj/link/link.json", "--export-symbols", "/tmp/rustc x/symbols", "-o", "/t/$HOME`x`" },
            lines);
    }

    [TestMethod]
    public void WritesAnExecutableShimOnceAndLeavesItAloneAfterwards()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("checks Unix file modes");
            return;
        }
        using var directory = new TempDirectory();
        var task = new WriteLinkerShim
        {
            BuildEngine = new RecordingBuildEngine(),
            ShimPath = directory.Combine("link", "rustc-linker"),
            LinkerAssembly = "/pkg/linker/net10.0/Aya.Bpf.Linker.dll",
            LinkManifest = directory.Combine("link", "link.json"),
            DotnetHostPath = "/usr/share/dotnet/dotnet",
        };

        Assert.IsTrue(task.Execute());
        var written = File.GetLastWriteTimeUtc(task.WrittenShimPath);
        File.SetLastWriteTimeUtc(task.WrittenShimPath, written.AddHours(-1));
        Assert.IsTrue(task.Execute());

        Assert.AreEqual(directory.Combine("link", "rustc-linker"), task.WrittenShimPath);
        Assert.AreEqual(written.AddHours(-1), File.GetLastWriteTimeUtc(task.WrittenShimPath), "an unchanged shim must keep its timestamp");
        Assert.IsTrue(File.GetUnixFileMode(task.WrittenShimPath).HasFlag(UnixFileMode.UserExecute));
        StringAssert.StartsWith(File.ReadAllText(task.WrittenShimPath), "#!/bin/sh\n");
        Assert.Contains("exec '/usr/share/dotnet/dotnet' '/pkg/linker/net10.0/Aya.Bpf.Linker.dll' capture ", File.ReadAllText(task.WrittenShimPath));
    }

    [TestMethod]
    public void WritesACmdFileForWindows()
    {
        var content = LinkerShim.Content(@"C:\dotnet\dotnet.exe", @"C:\pkg\Aya.Bpf.Linker.dll", @"C:\p\obj\link.json", windows: true);

        Assert.Contains("""@"C:\dotnet\dotnet.exe" "C:\pkg\Aya.Bpf.Linker.dll" capture "C:\p\obj\link.json" %*""", content);
        Assert.AreEqual("rustc-linker.cmd", LinkerShim.FileName("rustc-linker", windows: true));
    }

    private static string[] Run(string path, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(path) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
