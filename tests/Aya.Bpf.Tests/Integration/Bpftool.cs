using System.Text.Json;

namespace Aya.Bpf.Tests.Integration;

/// <summary>Loads BPF objects into the running kernel with bpftool, which goes through libbpf.</summary>
internal static class Bpftool
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Loads every program of <paramref name="objectPath"/> through the verifier, describes the
    /// loaded programs and, given a <paramref name="testPacket"/>, runs each once on it; the
    /// programs are unpinned (and so unloaded) before this returns, whatever happened.
    /// </summary>
    public static LoadResult LoadAll(string objectPath, byte[]? testPacket = null)
    {
        string bpftool = RequiredTool.BpftoolPath();
        BpfFileSystem.EnsureMounted();

        string pinDirectory = Path.Combine(BpfFileSystem.MountPoint, $"aya-test-{Guid.NewGuid():N}");
        string? packetFile = null;
        try
        {
            // -d makes bpftool print libbpf's debug log, which is where rejected BTF shows up.
            ProcessResult load = ChildProcess.Run(
                bpftool, ["-d", "prog", "loadall", objectPath, pinDirectory], CommandTimeout);
            string log = load.StandardError + load.StandardOutput;
            if (!load.Succeeded || !Directory.Exists(pinDirectory))
            {
                return new LoadResult(load.ExitCode, log, []);
            }

            if (testPacket is not null)
            {
                packetFile = Path.GetTempFileName();
                File.WriteAllBytes(packetFile, testPacket);
            }

            List<LoadedProgram> programs = [];
            foreach (string pin in Directory.EnumerateFileSystemEntries(pinDirectory).Order(StringComparer.Ordinal))
            {
                programs.Add(Describe(bpftool, pin, packetFile));
            }

            return new LoadResult(load.ExitCode, log, programs);
        }
        finally
        {
            Unpin(pinDirectory);
            if (packetFile is not null)
            {
                File.Delete(packetFile);
            }
        }
    }

    /// <summary>
    /// The .BTF section of <paramref name="objectPath"/> as `bpftool -j btf dump file` reads it,
    /// which needs neither root nor the kernel: libbpf parses the file itself.
    /// </summary>
    public static BtfDump DumpBtf(string objectPath)
    {
        string bpftool = RequiredTool.BpftoolPath();
        ProcessResult dump = ChildProcess.Run(bpftool, ["-j", "btf", "dump", "file", objectPath], CommandTimeout);
        if (!dump.Succeeded)
        {
            throw new InvalidOperationException($"bpftool btf dump file {objectPath} failed:{Environment.NewLine}{dump.Output}");
        }

        return BtfDump.Parse(objectPath, dump.StandardOutput);
    }

    private static LoadedProgram Describe(string bpftool, string pin, string? packetFile)
    {
        ProcessResult show = ChildProcess.Run(bpftool, ["prog", "show", "pinned", pin, "-j"], CommandTimeout);
        if (!show.Succeeded)
        {
            throw new InvalidOperationException($"bpftool prog show pinned {pin} failed:{Environment.NewLine}{show.Output}");
        }

        using JsonDocument info = JsonDocument.Parse(show.StandardOutput);
        JsonElement root = info.RootElement;
        string name = root.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? string.Empty : string.Empty;
        string type = root.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? string.Empty : string.Empty;
        int? btfId = root.TryGetProperty("btf_id", out JsonElement b) ? b.GetInt32() : null;

        long? returnValue = packetFile is null ? null : RunOnce(bpftool, pin, packetFile);
        return new LoadedProgram(name, type, btfId, returnValue);
    }

    // BPF_PROG_TEST_RUN through bpftool; its JSON output reads {"retval":N,"duration":N}.
    private static long RunOnce(string bpftool, string pin, string packetFile)
    {
        ProcessResult run = ChildProcess.Run(
            bpftool, ["prog", "run", "pinned", pin, "data_in", packetFile, "repeat", "1", "-j"], CommandTimeout);
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"bpftool prog run pinned {pin} failed:{Environment.NewLine}{run.Output}");
        }

        using JsonDocument result = JsonDocument.Parse(run.StandardOutput);
        return result.RootElement.GetProperty("retval").GetInt64();
    }

    // Removing the last pin of a program unloads it; a leftover pin would keep it in the kernel.
    private static void Unpin(string pinDirectory)
    {
        if (Directory.Exists(pinDirectory))
        {
            ChildProcess.Run("rm", ["-rf", pinDirectory], CommandTimeout);
        }
    }
}
