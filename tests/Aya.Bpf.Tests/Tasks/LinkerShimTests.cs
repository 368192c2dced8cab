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
        var shim = directory.WriteExecutable("rustc-linker", LinkerShim.Content(echo, "/pkg/linker/Aya.Bpf.Linker.dll", ["capture", "/p/obj/link/link.json"], windows: false));

        var lines = Run(shim, "--export-symbols", "/tmp/rustc x/symbols", "-o", "/t/$HOME`x`");

        CollectionAssert.AreEqual(
            new[] { "/pkg/linker/Aya.Bpf.Linker.dll", "capture", "/p/obj/link/link.json", "--export-symbols", "/tmp/rustc x/symbols", "-o", "/t/$HOME`x`" },
            lines);
    }

    [TestMethod]
    public void WritesExecutableShimsOnceAndLeavesThemAloneAfterwards()
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
            ShimDirectory = directory.Combine("link"),
            LinkerAssembly = "/pkg/linker/net10.0/Aya.Bpf.Linker.dll",
            LinkManifest = directory.Combine("link", "captured.json"),
            DotnetHostPath = "/usr/share/dotnet/dotnet",
        };

        Assert.IsTrue(task.Execute());
        var written = File.GetLastWriteTimeUtc(task.LinkerShimPath);
        File.SetLastWriteTimeUtc(task.LinkerShimPath, written.AddHours(-1));
        Assert.IsTrue(task.Execute());

        Assert.AreEqual(directory.Combine("link", "rustc-linker"), task.LinkerShimPath);
        Assert.AreEqual(written.AddHours(-1), File.GetLastWriteTimeUtc(task.LinkerShimPath), "an unchanged shim must keep its timestamp");
        string[] shims = [task.LinkerShimPath, Path.Combine(task.BpfLinkerDirectory, "bpf-linker"), task.RustcWrapperPath];
        foreach (var shim in shims)
        {
            Assert.IsTrue(File.GetUnixFileMode(shim).HasFlag(UnixFileMode.UserExecute), shim);
            StringAssert.StartsWith(File.ReadAllText(shim), "#!/bin/sh\n");
        }
        var capture = $"exec '/usr/share/dotnet/dotnet' '/pkg/linker/net10.0/Aya.Bpf.Linker.dll' 'capture' '{directory.Combine("link", "captured.json")}' \"$@\"";
        Assert.Contains(capture, File.ReadAllText(shims[0]));
        Assert.Contains(capture, File.ReadAllText(shims[1]), "bpf-linker is the same capture");
        Assert.Contains("'/pkg/linker/net10.0/Aya.Bpf.Linker.dll' 'rustc-wrapper' \"$@\"", File.ReadAllText(shims[2]));
    }

    [TestMethod]
    public void WritesACmdFileForWindows()
    {
        var content = LinkerShim.Content(@"C:\dotnet\dotnet.exe", @"C:\pkg\Aya.Bpf.Linker.dll", ["capture", @"C:\p\obj\link.json"], windows: true);

        Assert.Contains("""@"C:\dotnet\dotnet.exe" "C:\pkg\Aya.Bpf.Linker.dll" "capture" "C:\p\obj\link.json" %*""", content);
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
