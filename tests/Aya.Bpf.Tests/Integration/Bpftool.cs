using System.Text.Json;

namespace Aya.Bpf.Tests.Integration;

/// <summary>Loads BPF objects into the running kernel with bpftool, which goes through libbpf, and reads what it made.</summary>
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
        using LoadedObject loaded = LoadedObject.Load(objectPath, pinMaps: false);
        return testPacket is null ? loaded.Result : loaded.RunEach(testPacket);
    }

    /// <summary>
    /// The .BTF section of <paramref name="objectPath"/> as `bpftool -j btf dump file` reads it,
    /// which needs neither root nor the kernel: libbpf parses the file itself.
    /// </summary>
    public static BtfDump DumpBtf(string objectPath) =>
        BtfDump.Parse(objectPath, Run("-j", "btf", "dump", "file", objectPath));

    /// <summary>`bpftool -d prog loadall ...`: the debug log shows libbpf's messages, where rejected BTF shows up.</summary>
    public static ProcessResult LoadAllVerbosely(IEnumerable<string> loadAllArguments) =>
        ChildProcess.Run(RequiredTool.BpftoolPath(), ["-d", "prog", "loadall", .. loadAllArguments], CommandTimeout);

    /// <summary>`bpftool -j ARGUMENTS`, parsed; throws with bpftool's output when it fails.</summary>
    public static JsonDocument Json(params string[] arguments) => JsonDocument.Parse(Run(["-j", .. arguments]));

    /// <summary>Runs bpftool; throws with its output when it fails, else returns its stdout.</summary>
    public static string Run(params string[] arguments)
    {
        ProcessResult result = ChildProcess.Run(RequiredTool.BpftoolPath(), arguments, CommandTimeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"bpftool {string.Join(' ', arguments)} failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        }

        return result.StandardOutput;
    }

    /// <summary>A map as `bpftool map show` describes it, given as <c>("pinned", path)</c> or <c>("id", "12")</c>.</summary>
    public static LoadedMap ShowMap(string how, string which)
    {
        using JsonDocument show = Json("map", "show", how, which);
        return LoadedMap.From(show.RootElement);
    }

    /// <summary>Runs the program pinned at <paramref name="pin"/> once on <paramref name="packet"/> (BPF_PROG_TEST_RUN); returns its return value.</summary>
    public static long RunPinned(string pin, byte[] packet)
    {
        string packetFile = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(packetFile, packet);
            using JsonDocument result = Json("prog", "run", "pinned", pin, "data_in", packetFile, "repeat", "1");
            return result.RootElement.GetProperty("retval").GetInt64();
        }
        finally
        {
            File.Delete(packetFile);
        }
    }

    /// <summary>Removes a pin and everything under it; removing the last pin of a program or map frees it.</summary>
    public static void Unpin(string path)
    {
        if (Directory.Exists(path) || File.Exists(path))
        {
            ChildProcess.Run("rm", ["-rf", path], CommandTimeout);
        }
    }
}
