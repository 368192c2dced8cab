namespace Aya.Bpf.Tests.Kernel;

/// <summary>The version of the kernel the tests run on, as the validator's baseline for agreement tests.</summary>
internal static class RunningKernel
{
    public static Version Version { get; } = Read();

    private static Version Read()
    {
        // e.g. "6.18.44-fc-v782"
        var release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        var numbers = release.Split('-')[0].Split('.');
        return new Version(int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
